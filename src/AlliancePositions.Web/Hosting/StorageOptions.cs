using System.ComponentModel.DataAnnotations;
using AlliancePositions.Core.Data;

namespace AlliancePositions.Web.Hosting;

/// <summary>Where the app keeps its database and logs. Relative paths are under the web project's content root.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required(ErrorMessage = "Storage:Directory must name the folder for the database and logs.")]
    public string Directory { get; set; } = "data";
}

/// <summary>The resolved data folder (logs, and the SQLite file), the database provider and the connection string the app uses.</summary>
public sealed record StorageLocation(string Directory, string ConnectionString, DatabaseProvider Provider = DatabaseProvider.Sqlite);

public static class StorageSetup
{
    public const string ConnectionStringName = "AlliancePositions";

    /// <summary>
    /// Resolves the data folder (created if missing), the provider (<c>Database:Provider</c>) and the connection
    /// string: for SQLite an explicit <c>ConnectionStrings:AlliancePositions</c> overrides the database file in the data
    /// folder; PostgreSQL needs one.
    /// </summary>
    public static StorageLocation AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.Directory));
        System.IO.Directory.CreateDirectory(directory);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = database.Parsed ?? throw new InvalidOperationException(DatabaseOptions.UnknownProvider);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? (provider == DatabaseProvider.Sqlite ? $"Data Source={Path.Combine(directory, "alliancepositions.db")}"
                : throw new InvalidOperationException(DatabaseOptions.MissingConnectionString));
        var location = new StorageLocation(directory, connectionString, provider);
        builder.Services.AddSingleton(location);
        return location;
    }
}
