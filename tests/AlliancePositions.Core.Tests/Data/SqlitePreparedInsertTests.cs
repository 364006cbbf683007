using AlliancePositions.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace AlliancePositions.Core.Tests.Data;

/// <summary>
/// The prepared insert binds values by position on SQLite's own statement: what it stores must be what a
/// Microsoft.Data.Sqlite parameter stores for the same value and the same EF type mapping (storage class and bytes).
/// </summary>
public class SqlitePreparedInsertTests
{
    public static TheoryData<object?> Values() => new(
    (object?[])[
        null, "text with ünïcode and 😀", 0, -7, 42L, long.MaxValue, (short)3, (byte)200, true, false, 1.5, -0.25f, 12.345m, 'x',
        new DateTime(2024, 2, 29, 13, 45, 7, 123), new DateTimeOffset(2024, 2, 29, 13, 45, 7, 120, TimeSpan.FromHours(2)),
        new DateTimeOffset(2022, 2, 24, 0, 0, 0, TimeSpan.Zero), new DateOnly(2022, 2, 24), Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"),
        new byte[] { 0, 1, 255 }, DayOfWeek.Friday,
    ]);

    [Theory]
    [MemberData(nameof(Values))]
    public void It_stores_what_a_parameter_of_the_same_mapping_stores(object? value)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Run(connection, "CREATE TABLE T (Way TEXT, V)");
        var mapping = Mapping(connection, value);

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO T (Way, V) VALUES ('parameter', $v)";
            var parameter = (SqliteParameter)mapping.CreateParameter(command, "$v", null);
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
            command.ExecuteNonQuery();
        }
        using (var insert = new SqlitePreparedInsert(connection, "T", ["Way", "V"], [Mapping(connection, "way"), mapping]))
            insert.Execute(["prepared", value], 0);

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT Way, typeof(V), quote(V) FROM T ORDER BY Way";
        using var reader = read.ExecuteReader();
        var stored = new List<(string Type, string Quoted)>();
        while (reader.Read()) stored.Add((reader.GetString(1), reader.GetString(2)));
        Assert.Equal(2, stored.Count);
        Assert.Equal(stored[0], stored[1]);
    }

    [Fact]
    public void Several_rows_go_in_one_statement_in_order()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Run(connection, "CREATE TABLE T (A INTEGER, B TEXT)");
        using (var insert = new SqlitePreparedInsert(connection, "T", ["A", "B"], [Mapping(connection, 1), Mapping(connection, "b")], rowsPerInsert: 3))
        {
            Assert.Equal(6, insert.Width);
            insert.Execute([99, "skipped", 1, "one", 2, "two", 3, "three"], 2);
        }
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT group_concat(A || ':' || B, ',') FROM (SELECT A, B FROM T ORDER BY rowid)";
        Assert.Equal("1:one,2:two,3:three", read.ExecuteScalar());
    }

    [Fact]
    public void A_constraint_failure_is_a_SqliteException_and_the_statement_can_run_again()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        Run(connection, "CREATE TABLE T (K TEXT NOT NULL UNIQUE)");
        using var insert = new SqlitePreparedInsert(connection, "T", ["K"], [Mapping(connection, "k")]);
        insert.Execute(["a"], 0);
        var error = Assert.Throws<SqliteException>(() => insert.Execute(["a"], 0));
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        insert.Execute(["b"], 0);
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM T";
        Assert.Equal(2L, count.ExecuteScalar());
    }

    [Fact]
    public void A_value_of_a_type_SQLite_has_no_form_for_is_refused()
    {
        Assert.Throws<NotSupportedException>(() => SqlitePreparedInsert.SqliteValue(new Uri("https://example.org"), SqliteType.Text));
        Assert.Throws<InvalidOperationException>(() => SqlitePreparedInsert.SqliteValue(double.NaN, SqliteType.Real));
    }

    /// <summary>The type mapping EF's SQLite provider uses for a property of the value's type.</summary>
    private static RelationalTypeMapping Mapping(SqliteConnection connection, object? value)
    {
        using var db = new DbContext(new DbContextOptionsBuilder().UseSqlite(connection).Options);
        var mappings = db.GetService<IRelationalTypeMappingSource>();
        return mappings.FindMapping(value?.GetType() ?? typeof(string))!;
    }

    private static void Run(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
