using Npgsql;

namespace AlliancePositions.Core.Data;

/// <summary>
/// The PostgreSQL side of <see cref="SqliteTuning"/>: connection settings the app wants unless the connection string
/// says otherwise. Npgsql prepares the statements a connection runs repeatedly (the stance and statement queries are a
/// few shapes run many times), and names the app in <c>pg_stat_activity</c> so an operator can tell its sessions apart.
/// </summary>
internal static class PostgresTuning
{
    public static string Apply(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.MaxAutoPrepare))) builder.MaxAutoPrepare = 64;
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.AutoPrepareMinUsages))) builder.AutoPrepareMinUsages = 2;
        if (!builder.ContainsKey(nameof(NpgsqlConnectionStringBuilder.ApplicationName))) builder.ApplicationName = "AlliancePositions";
        return builder.ConnectionString;
    }
}
