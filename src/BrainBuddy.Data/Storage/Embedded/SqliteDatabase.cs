using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using SQLitePCL;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// One SQLite file in WAL mode. Reads borrow an open connection from a small pool (WAL lets them run beside the
/// writer); every connection keeps its commands, so a statement is compiled once per connection, not per request.
/// All writes go through one writer connection that groups whatever is queued into a single transaction
/// (group commit): one failing operation rolls back only itself (through a savepoint of its own, or SQLite's own undo
/// of a failing statement for single-statement work), and every caller is answered only after the transaction that
/// holds its write has committed.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private const int MaxBatch = 512;
    private const int MaxIdleReaders = 32;

    /// <summary>Commands by SQL text, per long-lived connection: SQLite keeps a command's compiled statements between executions.</summary>
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Commands = [];

    /// <summary>The same for the row queries of <see cref="ReadRows"/>.</summary>
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, RowQuery>> RowQueries = [];

    private readonly ConcurrentBag<SqliteConnection> idleReaders = [];

    private readonly string connectionString;
    private readonly Channel<WriteOperation> queue = Channel.CreateUnbounded<WriteOperation>(new() { SingleReader = true });
    private readonly SqliteConnection writer;
    private readonly Thread writerThread;

    public SqliteDatabase(string path, bool fullSync = true)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true }.ToString();
        writer = new SqliteConnection(connectionString);
        writer.Open();
        // WAL is a property of the file; synchronous=FULL syncs the WAL on every commit, which group commit makes affordable.
        // Each operation's savepoint copies the pages it changes to a statement journal: temp_store=MEMORY keeps that
        // copy in memory instead of writing it to a temporary file (under load, 3.3 -> 1.8 write calls per insert).
        Execute(writer, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={(fullSync ? "FULL" : "NORMAL")}; PRAGMA busy_timeout=10000; PRAGMA journal_size_limit=67108864; PRAGMA temp_store=MEMORY;");
        writerThread = new Thread(RunWriter) { IsBackground = true, Name = "SQLite group commit" };
        writerThread.Start();
    }

    public string Path { get; }

    /// <summary>Borrows a reader connection; disposing the lease gives it back.</summary>
    public ReaderLease OpenReader()
    {
        if (!idleReaders.TryTake(out var connection))
        {
            connection = new SqliteConnection(connectionString);
            connection.Open();
            // A reader only waits when another process holds a checkpoint lock; without this it would fail at once.
            Execute(connection, "PRAGMA busy_timeout=10000;");
        }

        return new ReaderLease(this, connection);
    }

    internal void Return(SqliteConnection connection)
    {
        if (idleReaders.Count < MaxIdleReaders && !queue.Reader.Completion.IsCompleted)
        {
            idleReaders.Add(connection);
        }
        else
        {
            Close(connection);
        }
    }

    /// <summary>Runs <paramref name="work"/> on the writer connection inside the next group transaction, in a savepoint of its own.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken = default) =>
        Enqueue(new WriteOperation<T>(work, inSavepoint: true), cancellationToken);

    /// <summary>
    /// Like <see cref="WriteAsync{T}"/>, for work that changes the database with one statement at most (any others only
    /// read), so that a failure leaves nothing of it behind without a savepoint: SQLite undoes a failing statement
    /// itself. A savepoint copies every page the work changes into a journal, a fifth of the writer's time for a
    /// session insert (bench/README.md). Work with a second changing statement must use <see cref="WriteAsync{T}"/>.
    /// </summary>
    public Task<T> WriteOneStatementAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken = default) =>
        Enqueue(new WriteOperation<T>(work, inSavepoint: false), cancellationToken);

    private Task<T> Enqueue<T>(WriteOperation<T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(operation), this);
        return operation.Completion.Task;
    }

    /// <summary>The document in the first column of the first row, or null; its SQL selects by a unique key.</summary>
    public T ReadOne<T>(string sql, params (string Name, object? Value)[] parameters)
        where T : class =>
        ReadMany<T>(sql, parameters).FirstOrDefault()!;

    /// <summary>The documents in the first column of every row.</summary>
    public List<T> ReadMany<T>(string sql, params (string Name, object? Value)[] parameters) =>
        ReadRows(sql, static row => BsonSerializer.Deserialize<T>(row.GetBlob(0).ToArray()), parameters);

    /// <summary>Maps every row of a query run on a pooled reader connection.</summary>
    public List<T> ReadRows<T>(string sql, Func<SqliteRow, T> row, params (string Name, object? Value)[] parameters)
    {
        using var lease = OpenReader();
        return Cached(RowQueries, lease.Connection, sql, static (connection, text) => new RowQuery(connection, text)).Run(row, parameters);
    }

    /// <summary>Deserialises the first column of each row, which holds a document's BSON.</summary>
    public static IEnumerable<T> QueryDocuments<T>(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var reader = CreateCommand(connection, sql, parameters).ExecuteReader();
        while (reader.Read())
        {
            yield return BsonSerializer.Deserialize<T>((byte[])reader[0]);
        }
    }

    /// <summary>The connection's command for this SQL, with the parameters bound. Owned by the connection: do not dispose it.</summary>
    public static SqliteCommand CreateCommand(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Cached(Commands, connection, sql, CreateCachedCommand);
        command.Parameters.Clear();
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        CreateCommand(connection, sql, parameters).ExecuteNonQuery();

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters) =>
        CreateCommand(connection, sql, parameters).ExecuteScalar();

    public static byte[] ToBlob<T>(T document) => document.ToBson();

    /// <summary>Milliseconds since the epoch: BSON's own date precision, so both backends order times alike.</summary>
    public static long ToMillis(DateTime time) => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static DateTime FromMillis(long millis) => DateTime.UnixEpoch.AddMilliseconds(millis);

    public static bool IsUniqueViolation(SqliteException exception) =>
        exception.SqliteErrorCode == 19 && exception.SqliteExtendedErrorCode is 2067 or 1555;

    public void Dispose()
    {
        queue.Writer.TryComplete();
        writerThread.Join();
        writer.Dispose();
        while (idleReaders.TryTake(out var reader))
        {
            Close(reader);
        }

        SqliteConnection.ClearPool(new SqliteConnection(connectionString));
    }

    /// <summary>The connection's cached statement for this SQL, made on its first use.</summary>
    private static T Cached<T>(ConditionalWeakTable<SqliteConnection, Dictionary<string, T>> cache, SqliteConnection connection, string sql, Func<SqliteConnection, string, T> create)
    {
        var bySql = cache.GetOrCreateValue(connection);
        if (!bySql.TryGetValue(sql, out var statement))
        {
            statement = create(connection, sql);
            bySql[sql] = statement;
        }

        return statement;
    }

    private static SqliteCommand CreateCachedCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>Finalises the connection's row queries before it closes, so SQLite can close the file at once.</summary>
    private static void Close(SqliteConnection connection)
    {
        if (RowQueries.TryGetValue(connection, out var queries))
        {
            foreach (var query in queries.Values)
            {
                query.Dispose();
            }
        }

        connection.Dispose();
    }

    /// <summary>
    /// The writer has a thread of its own and blocks on it: a commit waits for fsync, and waiting on a thread-pool
    /// thread would take one of the pool's few threads (two on a two-core machine) away from requests every commit.
    /// </summary>
    private void RunWriter()
    {
        var batch = new List<WriteOperation>(MaxBatch);
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            CommitBatch(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// Runs one group transaction. Transactions are plain SQL rather than SqliteTransaction objects, so the commands
    /// this connection keeps stay valid from one batch to the next. Whatever goes wrong, every caller is answered
    /// and the writer loop goes on.
    /// </summary>
    private void CommitBatch(List<WriteOperation> batch)
    {
        try
        {
            Execute(writer, "BEGIN IMMEDIATE;");
            foreach (var operation in batch)
            {
                Run(operation);
            }

            Execute(writer, "COMMIT;");
        }
        catch (Exception exception)
        {
            RollBackQuietly();
            foreach (var operation in batch)
            {
                operation.Fail(exception);
            }
        }

        foreach (var operation in batch)
        {
            operation.Acknowledge();
        }
    }

    private void Run(WriteOperation operation)
    {
        if (operation.InSavepoint)
        {
            Execute(writer, "SAVEPOINT op;");
        }

        try
        {
            operation.Run(writer);
            if (operation.InSavepoint)
            {
                Execute(writer, "RELEASE op;");
            }
        }
        catch (Exception exception)
        {
            operation.Fail(exception);
            if (raw.sqlite3_get_autocommit(writer.Handle) != 0)
            {
                // Some errors (a full disk, an I/O error) make SQLite roll back the whole transaction; going on would
                // run the rest of the group outside any transaction. The group fails as a whole instead.
                throw;
            }

            if (operation.InSavepoint)
            {
                Execute(writer, "ROLLBACK TO op; RELEASE op;");
            }
        }
    }

    private void RollBackQuietly()
    {
        try
        {
            Execute(writer, "ROLLBACK;");
        }
        catch (SqliteException)
        {
            // No transaction was open (BEGIN itself failed): nothing to undo.
        }
    }

    private abstract class WriteOperation(bool inSavepoint)
    {
        /// <summary>Whether the work runs in a savepoint of its own, so that its failure undoes only its own changes.</summary>
        public bool InSavepoint { get; } = inSavepoint;

        public abstract void Run(SqliteConnection connection);

        public abstract void Fail(Exception exception);

        /// <summary>Answers the caller; called only after the batch's commit (or its failure).</summary>
        public abstract void Acknowledge();
    }

    private sealed class WriteOperation<T>(Func<SqliteConnection, T> work, bool inSavepoint) : WriteOperation(inSavepoint)
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
