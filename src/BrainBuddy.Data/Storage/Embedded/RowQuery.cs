using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace BrainBuddy.Data.Storage.Embedded;

/// <summary>
/// A read statement compiled once on one connection and run through SQLite's own API, not through a
/// <see cref="SqliteCommand"/>: for a 20-row page the command's reader, binding and typed getters cost about half
/// again what SQLite itself spends on the query (bench/README.md). Values are bound by name, and names the SQL does
/// not use are skipped, so a query with optional filters can be handed all of them.
/// </summary>
internal sealed class RowQuery : IDisposable
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;
    private readonly string[] parameterNames;

    public RowQuery(SqliteConnection connection, string sql)
    {
        this.connection = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(this.connection, sql, out statement), this.connection);
        parameterNames = [.. Enumerable.Range(1, raw.sqlite3_bind_parameter_count(statement)).Select(i => raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string())];
    }

    public List<T> Run<T>(Func<SqliteRow, T> map, ReadOnlySpan<(string Name, object? Value)> values)
    {
        try
        {
            for (var i = 0; i < parameterNames.Length; i++)
            {
                Bind(i + 1, ValueOf(parameterNames[i], values));
            }

            var rows = new List<T>();
            while (raw.sqlite3_step(statement) is var result && result != raw.SQLITE_DONE)
            {
                if (result != raw.SQLITE_ROW)
                {
                    SqliteException.ThrowExceptionForRC(result, connection);
                }

                rows.Add(map(new SqliteRow(statement)));
            }

            return rows;
        }
        finally
        {
            // Ends the statement's read transaction at once: one left open would stop checkpoints from resetting the WAL.
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Bind(int index, object? value) => SqliteException.ThrowExceptionForRC(
        value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            double number => raw.sqlite3_bind_double(statement, index, number),
            byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
            _ => throw new ArgumentException($"A {value.GetType().Name} cannot be bound to SQL.", nameof(value)),
        },
        connection);

    private static object? ValueOf(string name, ReadOnlySpan<(string Name, object? Value)> values)
    {
        foreach (var (candidate, value) in values)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return value;
            }
        }

        // Binding nothing would leave the previous execution's value in place.
        throw new ArgumentException($"The SQL uses {name}, but no value was given for it.", nameof(values));
    }
}

/// <summary>The current row of a <see cref="RowQuery"/>; its spans are valid only until the next row is read.</summary>
public readonly ref struct SqliteRow
{
    private readonly sqlite3_stmt statement;

    internal SqliteRow(sqlite3_stmt statement) => this.statement = statement;

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long GetInt64(int column) => raw.sqlite3_column_int64(statement, column);

    public double GetDouble(int column) => raw.sqlite3_column_double(statement, column);

    public string GetString(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public ReadOnlySpan<byte> GetBlob(int column) => raw.sqlite3_column_blob(statement, column);
}
