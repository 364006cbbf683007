using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlliancePositions.Core.Data;

/// <summary>
/// One INSERT into one table, prepared once and executed many times with new parameter values: the fast way to write
/// many rows through Microsoft.Data.Sqlite (the SQLite bulk insert). It can carry several rows per statement
/// (<c>rowsPerInsert</c>); each parameter is configured as EF configures its own for that column.
/// </summary>
internal sealed class SqlitePreparedInsert : IDisposable
{
    private readonly SqliteCommand command;

    public SqlitePreparedInsert(SqliteConnection connection, string table, IReadOnlyList<string> columns,
        IReadOnlyList<RelationalTypeMapping> mappings, int rowsPerInsert = 1)
    {
        command = connection.CreateCommand();
        var rows = Enumerable.Range(0, rowsPerInsert).Select(row => "(" + string.Join(", ", columns.Select((_, i) => $"$p{row}_{i}")) + ")");
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES {string.Join(", ", rows)}";
        Parameters = Enumerable.Range(0, rowsPerInsert).SelectMany(row => columns.Select((_, i) => command.Parameters.Add(
            (SqliteParameter)mappings[i].CreateParameter(command, $"$p{row}_{i}", null)))).ToArray();
    }

    /// <summary>The command's parameters, row by row and in column order within a row.</summary>
    public IReadOnlyList<SqliteParameter> Parameters { get; }

    public SqliteTransaction? Transaction { set => command.Transaction = value; }

    /// <summary>Runs the insert with the values already in <see cref="Parameters"/>.</summary>
    public void Execute() => command.ExecuteNonQuery();

    public void Dispose() => command.Dispose();
}
