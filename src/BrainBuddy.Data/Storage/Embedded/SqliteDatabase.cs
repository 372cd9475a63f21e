using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// One SQLite file in WAL mode. Reads open a pooled connection per call (WAL lets them run beside the writer).
/// All writes go through one writer connection that groups whatever is queued into a single transaction
/// (group commit): each operation runs inside its own savepoint, so one failing operation rolls back only
/// itself, and every caller is answered only after the transaction that holds its write has committed.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int MaxBatch = 512;

    private readonly string connectionString;
    private readonly Channel<WriteOperation> queue = Channel.CreateUnbounded<WriteOperation>(new() { SingleReader = true });
    private readonly SqliteConnection writer;
    private readonly Task writerLoop;

    public SqliteDatabase(string path, bool fullSync = true)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        // WAL is a property of the file; synchronous=FULL syncs the WAL on every commit, which group commit makes affordable.
        Execute(writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(fullSync ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000; PRAGMA journal_size_limit=67108864;");
        writerLoop = Task.Factory.StartNew(RunWriter, TaskCreationOptions.LongRunning).Unwrap();
    }

    public string Path { get; }

    public SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        // A reader only waits when another process holds a checkpoint lock; without this it would fail at once.
        Execute(connection, "PRAGMA busy_timeout=10000;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> on the writer connection inside the next group transaction.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var operation = new WriteOperation<T>(work);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(operation), this);

        return operation.Completion.Task;
    }

    public T ReadOne<T>(string sql, params (string Name, object? Value)[] parameters)
        where T : class
    {
        using var connection = OpenReader();
        return QueryDocuments<T>(connection, sql, parameters).FirstOrDefault()!;
    }

    public List<T> ReadMany<T>(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = OpenReader();
        return QueryDocuments<T>(connection, sql, parameters).ToList();
    }

    /// <summary>Deserialises the first column of each row, which holds a document's BSON.</summary>
    public static IEnumerable<T> QueryDocuments<T>(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return BsonSerializer.Deserialize<T>((byte[])reader[0]);
        }
    }

    public static SqliteCommand CreateCommand(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = CreateCommand(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    public static byte[] ToBlob<T>(T document) => document.ToBson();

    /// <summary>Milliseconds since the epoch: BSON's own date precision, so both backends order times alike.</summary>
    public static long ToMillis(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == 19 && exception.SqliteExtendedErrorCode is 2067 or 1555;

    public void Dispose()
    {
        queue.Writer.TryComplete();
        writerLoop.GetAwaiter().GetResult();
        writer.Dispose();
        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    private async Task RunWriter()
    {
        var batch = new List<WriteOperation>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            CommitBatch(batch);
            batch.Clear();
        }
    }

    private void CommitBatch(List<WriteOperation> batch)
    {
        try
        {
            using (var transaction = writer.BeginTransaction(deferred: false))
            {
                foreach (var operation in batch)
                {
                    Execute(writer, "SAVEPOINT op;");
                    try
                    {
                        operation.Run(writer);
                        Execute(writer, "RELEASE op;");
                    }
                    catch (Exception exception)
                    {
                        Execute(writer, "ROLLBACK TO op; RELEASE op;");
                        operation.Fail(exception);
                    }
                }

                transaction.Commit();
            }

            foreach (var operation in batch)
            {
                operation.Acknowledge();
            }
        }
        catch (SqliteException exception)
        {
            foreach (var operation in batch)
            {
                operation.Fail(exception);
                operation.Acknowledge();
            }
        }
    }

    private abstract class WriteOperation
    {
        public abstract void Run(SqliteConnection connection);

        public abstract void Fail(Exception exception);

        /// <summary>Answers the caller; called only after the batch's commit (or its failure).</summary>
        public abstract void Acknowledge();
    }

    private sealed class WriteOperation<T>(Func<SqliteConnection, T> work) : WriteOperation
    {
        private T result = default!;
        private Exception? failure;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteConnection connection) => result = work(connection);

        public override void Fail(Exception exception) => failure ??= exception;

        public override void Acknowledge()
        {
            if (failure is null)
            {
                Completion.TrySetResult(result);
            }
            else
            {
                Completion.TrySetException(failure);
            }
        }
    }
}
