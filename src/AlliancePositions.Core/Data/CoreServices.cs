using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Audit;
using AlliancePositions.Core.Changes;
using AlliancePositions.Core.Corpus;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Ingest;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Search;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using AlliancePositions.Core.Suggestions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlliancePositions.Core.Data;

public static class CoreServices
{
    /// <summary>Registers the context factory over the chosen database and every Core query and service.</summary>
    public static IServiceCollection AddAlliancePositionsCore(this IServiceCollection services, string connectionString,
        DatabaseProvider database = DatabaseProvider.Sqlite)
    {
        services.AddSingleton<StanceCache>();
        services.AddSingleton<StanceCache.Invalidation>();
        services.AddDbContextFactory<AppDbContext>((provider, options) => options
            .UseAlliancePositionsDatabase(database, connectionString)
            .AddInterceptors(provider.GetRequiredService<StanceCache.Invalidation>()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<CorpusLoader>();
        services.AddSingleton<CorpusExporter>();
        services.AddSingleton<CorpusImporter>();
        services.AddSingleton(StatementTextSearch.For(database));
        services.AddSingleton<StatementQueries>();
        services.AddSingleton<StanceQueries>();
        services.AddSingleton<TopicQueries>();
        services.AddSingleton<QuestionQueries>();
        services.AddSingleton<ActorQueries>();
        services.AddSingleton<DocumentQueries>();
        services.AddSingleton<MeetingQueries>();
        services.AddSingleton<CountryQueries>();
        services.AddSingleton<SearchQueries>();
        services.AddSingleton<ChangeQueries>();
        services.AddSingleton<ActorService>();
        services.AddSingleton<DocumentService>();
        services.AddSingleton<StatementService>();
        services.AddSingleton<MeetingService>();
        services.AddSingleton<OutletQueries>();
        services.AddSingleton<ReviewQueries>();
        services.AddSingleton<AuditQueries>();
        services.AddOptions<IngestOptions>();
        services.AddSingleton<PageFetcher>();
        services.AddSingleton<IngestService>();
        services.AddSingleton<RevisionService>();
        services.AddSingleton<RevisionQueries>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<InboxService>();
        services.AddSingleton<Editing.DeletedRecordQueries>();
        services.AddSingleton<QuestionService>();
        services.AddSingleton<SuggestionService>();
        return services;
    }
}
