using System.ComponentModel.DataAnnotations;

namespace AlliancePositions.Web.Hosting;

/// <summary>Where the app keeps its database and logs. Relative paths are under the web project's content root.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    [Required(ErrorMessage = "Storage:Directory must name the folder for the database and logs.")]
    public string Directory { get; set; } = "data";
}

/// <summary>The resolved data folder and the connection string the app uses.</summary>
public sealed record StorageLocation(string Directory, string ConnectionString);

public static class StorageSetup
{
    public const string ConnectionStringName = "AlliancePositions";

    /// <summary>
    /// Resolves the data folder (created if missing) and the SQLite connection string; an explicit
    /// <c>ConnectionStrings:AlliancePositions</c> overrides the database file.
    /// </summary>
    public static StorageLocation AddStorage(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var options = builder.Configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var directory = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, options.Directory));
        System.IO.Directory.CreateDirectory(directory);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
            ?? $"Data Source={Path.Combine(directory, "alliancepositions.db")}";
        var location = new StorageLocation(directory, connectionString);
        builder.Services.AddSingleton(location);
        return location;
    }
}
