using Npgsql;

namespace AlliancePositions.Core.Data;

/// <summary>
/// The PostgreSQL side of <see cref="SqliteTuning"/>: connection settings the app wants unless the connection string
/// says otherwise. Npgsql prepares the statements a connection runs repeatedly (the stance and statement queries are a
/// few shapes run many times), and names the app in <c>pg_stat_activity</c> so an operator can tell its sessions apart.
/// A prepared statement is still planned for the values of each execution (<c>plan_cache_mode</c>): the corpus is
/// skewed (the busiest actor has forty times the statements of the average one), and the generic plan PostgreSQL
/// otherwise switches to after five executions is made for the average. At 1M, the statement filter on the busiest
/// actor then tested the text on each of its 61k statements instead of ANDing the text's index with the actor's:
/// 25 ms for the first five runs, 260–330 ms from the sixth on (docs/performance.md, run 10).
/// </summary>
internal static class PostgresTuning
{
    internal const string CustomPlans = "-c plan_cache_mode=force_custom_plan";

    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("plan_cache_mode", StringComparison.Ordinal) != true) builder.Options = $"{builder.Options} {CustomPlans}".Trim();
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare))) builder.MaxAutoPrepare = 64;
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.AutoPrepareMinUsages))) builder.AutoPrepareMinUsages = 2;
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.ApplicationName))) builder.ApplicationName = "AlliancePositions";
        return builder.ConnectionString;
    }
}
