using AlliancePositions.Core.Data;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Actors;
using AlliancePositions.Web.Api;
using AlliancePositions.Web.Changes;
using AlliancePositions.Web.Corpus;
using AlliancePositions.Web.Countries;
using AlliancePositions.Web.Documents;
using AlliancePositions.Web.Meetings;
using AlliancePositions.Web.Components;
using AlliancePositions.Web.Hosting;
using AlliancePositions.Web.Ingest;
using AlliancePositions.Web.Questions;
using AlliancePositions.Web.Statements;
using AlliancePositions.Web.Suggestions;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor.Services;
using Serilog;

// Start-up logger: failures before the host's logger exists (a bad setting) still reach the console. A plain logger,
// not Serilog's freezable bootstrap logger, so several hosts in one test process do not trip over each other.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    // Serve MudBlazor's and Blazor's files straight from the build in every environment, so that `dotnet run` works
    // outside Development too; a published app has them in wwwroot and this does nothing.
    builder.WebHost.UseStaticWebAssets();

    var storage = builder.AddStorage();
    builder.AddLogging(storage);

    builder.Services.AddAlliancePositionsCore(storage.ConnectionString, storage.Provider);
    builder.Services.AddCorpusSeeding();
    builder.Services.AddIngest();
    builder.Services.AddStanceCacheSync(storage);
    builder.Services.AddStanceCacheWarming();
    builder.Services.AddHostedService<IdleMemoryRelease>();
    builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
    // Keys in the database: a cookie, antiforgery or bearer token one node makes, any node over it accepts.
    builder.Services.AddDataProtection().PersistKeysToDbContext<AppDbContext>().SetApplicationName("AlliancePositions");

    builder.AddAccounts();

    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddMudServices();
    builder.Services.AddProblemDetails();
    builder.Services.AddExceptionHandler<BadRequestProblems>();
    // Enforces the annotations on request records (the sign-in and user requests) as 400 problem details with field errors.
    builder.Services.AddValidation();
    builder.Services.AddOpenApi();
    builder.Services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));

    var app = builder.Build();

    app.UseSecurityHeaders();
    app.UseExceptionHandler();
    // A bare status gets a body: problem details for API clients, the not-found page for people.
    app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
    app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
        pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true).UseReExecutionAsGet());
    app.UseRouting();
    app.UseSerilogRequestLogging();
    app.UseAuthentication();
    app.UseAccountChecks();
    app.UseAuthorization();
    app.UseAntiforgery();
    app.UseFormTokenRefusal();

    app.MapStaticAssets().AllowAnonymous();
    app.MapHealthChecks("/healthz").AllowAnonymous();
    // Liveness without touching the database: for orchestrators, and the constant baseline of the HTTP benchmark.
    app.MapGet("/livez", () => TypedResults.Text("Alive")).AllowAnonymous().ExcludeFromDescription();
    app.MapAccounts();
    app.MapApiDocumentation();
    app.MapChangesFeed();

    var api = app.MapGroup("/api").RefuseBodiesThatAreNotJson().WithBodyLimit(BodyLimits.Json);
    api.MapAccountsApi();
    api.MapActorsApi();
    api.MapCorpusApi();
    api.MapQuestionsApi();
    api.MapStatementsApi();
    api.MapTopicsApi();
    api.MapVocabularyApi();
    api.MapDocumentsApi();
    api.MapIngestApi();
    api.MapFeedsApi();
    api.MapMeetingsApi();
    api.MapCountriesApi();
    api.MapChangesApi();
    api.MapSuggestionsApi();

    app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Policies.Read);

    await app.RunAsync();
    return 0;
}
catch (Exception exception) when (exception is not HostAbortedException)
{
    Log.Fatal(exception, "AlliancePositions stopped before it could serve");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point, visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
