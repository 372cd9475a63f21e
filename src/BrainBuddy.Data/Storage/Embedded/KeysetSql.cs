namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>The SQL twin of the MongoDB keyset filter: rows after ($after_time, $after_id) in (time desc, id desc) order.</summary>
internal static class KeysetSql
{
    public static string OlderThan(string timeColumn) =>
        $" AND ({timeColumn} < $after_time OR ({timeColumn} = $after_time AND id < $after_id))";
}
