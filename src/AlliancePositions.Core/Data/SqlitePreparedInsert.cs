using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace AlliancePositions.Core.Data;

/// <summary>
/// One INSERT into one table, prepared once and executed many times with new values: the fast way to write many rows
/// into SQLite (the SQLite bulk insert). It can carry several rows per statement (<c>rowsPerInsert</c>).
/// </summary>
/// <remarks>
/// Values are bound by position on SQLite's own statement, not through <see cref="SqliteCommand"/>: a command binds
/// each parameter by name, and SQLite finds a name by walking the statement's list of names, so a statement of 64 rows
/// of 20 columns paid for 1,280 × 640 name comparisons per execution; the corpus import spent most of its write time
/// there. Each value is converted as Microsoft.Data.Sqlite converts it for the parameter EF configures for that
/// column (<see cref="SqliteValue"/>), so the rows are the ones SaveChanges writes (<c>BulkInsertTests</c>).
/// The statement runs on the connection, so inside whatever transaction the connection has open.
/// </remarks>
internal sealed class SqlitePreparedInsert : IDisposable
{
    private readonly sqlite3 database;
    private readonly sqlite3_stmt statement;
    private readonly SqliteType[] types;

    public SqlitePreparedInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns,
        IReadOnlyList<RelationalTypeMapping> mappings, int rowsPerInsert = 1)
    {
        database = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var row = "(" + string.Join(", ", columns.Select(_ => "?")) + ")";
        var sql = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", Enumerable.Repeat(row, rowsPerInsert))}";
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, sql, out statement), database);
        using var command = connection.CreateCommand();
        types = mappings.Select(mapping => ((SqliteParameter)mapping.CreateParameter(command, "p", null)).SqliteType).ToArray();
        Width = columns.Count * rowsPerInsert;
    }

    /// <summary>How many values one execution takes: the columns of every row, row by row.</summary>
    public int Width { get; }

    /// <summary>Runs the insert with <see cref="Width"/> values of <paramref name="values"/> from <paramref name="offset"/>.</summary>
    public void Execute(object?[] values, int offset)
    {
        for (var i = 0; i < Width; i++)
            SqliteException.ThrowExceptionForRC(Bind(i + 1, values[offset + i], types[i % types.Length]), database);
        var result = raw.sqlite3_step(statement);
        if (result != raw.SQLITE_DONE)
        {
            var error = new SqliteException(raw.sqlite3_errmsg(database).utf8_to_string(), result, raw.sqlite3_extended_errcode(database));
            raw.sqlite3_reset(statement);
            throw error;
        }
        raw.sqlite3_reset(statement);
    }

    private int Bind(int index, object? value, SqliteType type) => SqliteValue(value, type) switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        double real => raw.sqlite3_bind_double(statement, index, real),
        string text => raw.sqlite3_bind_text(statement, index, text),
        byte[] blob => raw.sqlite3_bind_blob(statement, index, blob),
        var other => throw new NotSupportedException($"No SQLite storage class for {other.GetType()}."),
    };

    /// <summary>
    /// What Microsoft.Data.Sqlite stores for <paramref name="value"/> in a parameter of <paramref name="type"/>: null,
    /// a long, a double, a string or bytes. The CLR types EF hands a SQLite parameter; any other is refused rather
    /// than stored in a form SaveChanges would not use.
    /// </summary>
    internal static object? SqliteValue(object? value, SqliteType type) => value switch
    {
        null or DBNull => null,
        string or byte[] => value,
        bool flag => flag ? 1L : 0L,
        Enum => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        long or int or short or sbyte or byte or uint or ushort => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong large => unchecked((long)large),
        double real => double.IsNaN(real) ? throw new InvalidOperationException("SQLite cannot store NaN.") : real,
        float real => (double)real,
        char character => type == SqliteType.Integer ? character : character.ToString(),
        decimal amount => amount.ToString("0.0###########################", CultureInfo.InvariantCulture),
        Guid guid => type == SqliteType.Blob ? guid.ToByteArray() : guid.ToString().ToUpperInvariant(),
        DateTime when type == SqliteType.Real => throw new NotSupportedException("Dates stored as Julian days are not written by the bulk insert."),
        DateTime moment => moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset when type == SqliteType.Real => throw new NotSupportedException("Dates stored as Julian days are not written by the bulk insert."),
        DateTimeOffset moment => moment.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly day when type != SqliteType.Real => day.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"The SQLite bulk insert does not write values of type {value.GetType()}."),
    };

    public void Dispose() => statement.Dispose();
}
