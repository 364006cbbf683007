using AlliancePositions.Core.Corpus;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Core.Data;

public static class CoreServices
{
    /// <summary>Registers the context factory over SQLite and every Core query and service.</summary>
    public static IServiceCollection AddAlliancePositionsCore(this IServiceCollection services, string connectionString)
    {
        services.AddDbContextFactory<AppDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(new SqliteTuning()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CorpusLoader>();
        return services;
    }
}
