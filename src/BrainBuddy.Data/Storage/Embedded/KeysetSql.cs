namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>The SQL twin of the MongoDB keyset filter: rows after ($after_time, $after_id) in (time desc, id desc) order.</summary>
internal static class KeysetSql
{
    public static string OlderThan(string timeColumn) =>
        $" AND ({timeColumn} < $after_time OR ({timeColumn} = $after_time AND id < $after_id))";

    /// <summary>
    /// The page size as a literal, not a parameter: SQLite plans a query around a bound LIMIT's value and marks the
    /// statement expired whenever that parameter is bound again, so a parameterised LIMIT re-compiles the statement
    /// on every execution. One cached statement per page size costs far less. An int cannot carry SQL.
    /// </summary>
    public static string Limit(int limit) => FormattableString.Invariant($" LIMIT {limit}");
}
