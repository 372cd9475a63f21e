using BrainBuddy.Data.Storage.Embedded;
using Microsoft.Data.Sqlite;

namespace BrainBuddy.Data.Tests.Embedded;

public sealed class EmbeddedSchemaTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "brainbuddy-schema", Guid.NewGuid().ToString("N"));

    public EmbeddedSchemaTests() => Directory.CreateDirectory(directory);

    private string DatabasePath => Path.Combine(directory, "brainbuddy.db");

    [Fact]
    public void Should_record_the_schema_version_once_and_open_the_database_again()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        EmbeddedStorage.Open(DatabasePath).Dispose();

        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM schema_version"));
        Assert.Equal((long)EmbeddedSchema.Version, Scalar("SELECT version FROM schema_version"));
    }

    [Fact]
    public void Should_refuse_a_database_written_by_a_newer_version()
    {
        EmbeddedStorage.Open(DatabasePath).Dispose();
        Execute("UPDATE schema_version SET version = 99");

        var refused = Assert.Throws<InvalidOperationException>(() => EmbeddedStorage.Open(DatabasePath));

        Assert.Contains("schema version 99", refused.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Scalar("SELECT version FROM schema_version"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private void Execute(string sql)
    {
        using var connection = Connect();
        SqliteDatabase.Execute(connection, sql);
    }

    private object? Scalar(string sql)
    {
        using var connection = Connect();
        return SqliteDatabase.Scalar(connection, sql);
    }

    private SqliteConnection Connect()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
