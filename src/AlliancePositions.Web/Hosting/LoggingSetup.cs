using Serilog;

namespace AlliancePositions.Web.Hosting;

public static class LoggingSetup
{
    /// <summary>Serilog from configuration, to the console and a daily rolling file in the data folder.</summary>
    public static void AddLogging(this WebApplicationBuilder builder, StorageLocation storage) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console()
            .WriteTo.File(Path.Combine(storage.Directory, "logs", "alliancepositions-.log"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));
}
