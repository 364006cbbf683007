using AlliancePositions.Core.Data;

namespace AlliancePositions.Web.Hosting;

/// <summary>Which database engine the app runs on: <c>Database:Provider</c>, <c>Sqlite</c> (the default) or <c>PostgreSQL</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string UnknownProvider = "Database:Provider must be Sqlite or PostgreSQL.";

    public const string MissingConnectionString =
        $"Database:Provider PostgreSQL needs ConnectionStrings:{StorageSetup.ConnectionStringName} (for example Host=db;Database=alliancepositions;Username=app;Password=...).";

    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>The provider named, case-insensitively; null for a name that is neither.</summary>
    public DatabaseProvider? Parsed => Enum.TryParse<DatabaseProvider>(Provider, ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider : null;
}
