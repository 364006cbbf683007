using System.Globalization;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace AlliancePositions.Web.Statements;

/// <summary>
/// The statements list: every filter, the sort and the page live in the URL (read back on load, so reload and Back
/// give the same view); the grid asks Core for one page at a time through the shared <see cref="StatementFilter"/>.
/// </summary>
public sealed partial class StatementsPage : IDisposable
{
    private static readonly int[] PageSizes = [25, 50, 100, 200];

    [Inject] private StatementQueries Statements { get; set; } = null!;
    [Inject] private TopicQueries TopicQueries { get; set; } = null!;
    [Inject] private QuestionQueries QuestionQueries { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery] public string[]? Topic { get; set; }
    [SupplyParameterFromQuery] public string? Actor { get; set; }
    [SupplyParameterFromQuery] public string? Question { get; set; }
    [SupplyParameterFromQuery] public string? Kind { get; set; }
    [SupplyParameterFromQuery] public string? Credibility { get; set; }
    [SupplyParameterFromQuery(Name = "q")] public string? Text { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? Sort { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public string? PageNumber { get; set; }
    [SupplyParameterFromQuery] public string? PageSize { get; set; }

    private readonly CancellationTokenSource disposed = new();
    private StatementFilterBinding binding = new StatementFilterQuery().Bind();
    private TimeAxes axes = null!;
    private IReadOnlyList<TopicSummary>? topics;
    private IReadOnlyList<QuestionSummary> questions = [];
    private MudDataGrid<StatementRow>? grid;
    private StatementFilter? loadedFilter;
    private StatementFilter? loadingFilter;
    private FilteredPage<StatementRow>? results;
    private PositionSplit? split;
    private IReadOnlyList<TopicCount> topicCounts = [];

    protected override async Task OnInitializedAsync()
    {
        // Before the first await: a database that answers asynchronously (PostgreSQL) renders the page once before
        // OnParametersSetAsync runs, and that render reads the axes and starts the grid's first load with the filter.
        axes = TimeAxes.From(AsOf, KnownAt, Clock);
        binding = BindQuery();
        // Small vocabularies, read whole; the statements themselves load a page at a time through the grid.
        topics = await TopicQueries.ListTopicsAsync(disposed.Token);
        questions = await QuestionQueries.ListAsync(disposed.Token);
    }

    protected override async Task OnParametersSetAsync()
    {
        axes = ReadAxes();
        binding = BindQuery();
        // The grid loads after its first render (so prerendering runs no statement query); later URL changes reload it.
        if (grid is not null && binding.Filter != loadedFilter && binding.Filter != loadingFilter) await grid.ReloadServerData();
    }

    /// <summary>The split's question, looked up when shown: the first page can arrive before the questions have.</summary>
    private QuestionSummary? SplitQuestion => questions.FirstOrDefault(q => q.Slug == loadedFilter?.Question);

    private StatementFilterBinding BindQuery() =>
        new StatementFilterQuery(Topic, Actor, Question, Kind, Credibility, Text, From, To, Sort, PageNumber, PageSize).Bind();

    /// <summary>The grid's server data: the URL's filter, page and sort (not the grid's own state), read once per filter.</summary>
    private async Task<GridData<StatementRow>> LoadAsync(GridState<StatementRow> state, CancellationToken cancellationToken)
    {
        var filter = binding.Filter;
        if (filter != loadedFilter || results is null)
        {
            // The grid cancels a load it no longer needs (a newer filter); leaving the page cancels the rest.
            using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposed.Token);
            loadingFilter = filter;
            var resolved = await Statements.ResolveAsync(filter, both.Token);
            var found = await Statements.SearchAsync(resolved, both.Token);
            var foundSplit = await Statements.SplitAsync(resolved, both.Token);
            var foundCounts = await Statements.TopicCountsAsync(resolved, both.Token);
            // The URL changed while this filter loaded: the newer filter's own load fills the page, and this one must
            // not overwrite it if it finishes last.
            if (filter != binding.Filter) return new GridData<StatementRow> { Items = results?.Page.Items ?? [], TotalItems = results?.Page.Total ?? 0 };
            (results, split, topicCounts, loadedFilter) = (found, foundSplit, foundCounts, filter);
            StateHasChanged();
        }
        return new GridData<StatementRow> { Items = results.Page.Items, TotalItems = results.Page.Total };
    }

    /// <summary>Problems with the URL's values and with what they name (an unknown actor), keyed by query parameter.</summary>
    private Dictionary<string, string> Problems =>
        binding.Errors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value))
            .Concat(results?.Problems.Where(p => !binding.Errors.ContainsKey(p.Key)) ?? [])
            .ToDictionary(p => p.Key, p => p.Value);

    private string CountText => results switch
    {
        null => "Loading statements…",
        { IsValid: false } => "No statements: fix the filter above.",
        { Page.TotalIsCapped: true } => $"{Page<StatementRow>.CountCap.ToString("N0", CultureInfo.InvariantCulture)}+ statements match",
        { Page.Total: 1 } => "1 statement matches",
        _ => $"{results.Page.Total.ToString("N0", CultureInfo.InvariantCulture)} statements match",
    };

    private int PageCount => results is null ? 1 : Math.Max(1, (int)Math.Ceiling(results.Page.Total / (double)binding.Filter.PageSize));

    private string CsvHref => TimeAxes.WithQuery("/api/statements.csv", StatementFilterQuery.ToQuery(binding.Filter with { Page = 1, PageSize = PageLimits.DefaultPageSize }));

    private StatementSort DateSortNext => binding.Filter.Sort == StatementSort.DateDescending ? StatementSort.DateAscending : StatementSort.DateDescending;

    private string? DateSortIndicator => binding.Filter.Sort switch
    {
        StatementSort.DateDescending => "descending",
        StatementSort.DateAscending => "ascending",
        _ => null,
    };

    private string SortHref(StatementSort sort) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
    {
        ["sort"] = sort == StatementSort.DateDescending ? null : sort.ToWire(),
        ["page"] = null,
    });

    private string WithoutParameter(string name) => Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { [name] = null, ["page"] = null });

    private string ActorHref(string slug) => axes.Link($"/actors/{slug}");

    /// <summary>A new filter value starts again at page 1; typing replaces the history entry so Back skips keystrokes.</summary>
    private Task ChangeFilterAsync(FilterChange change)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { [change.Name] = change.Value, ["page"] = null }),
            replace: change.Name == "q");
        return Task.CompletedTask;
    }

    private Task GoToPageAsync(int page)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", page == 1 ? null : page.ToString(CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    private Task SetPageSizeAsync(int size)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?>
        {
            ["pageSize"] = size == PageLimits.DefaultPageSize ? null : size.ToString(CultureInfo.InvariantCulture),
            ["page"] = null,
        }));
        return Task.CompletedTask;
    }

    internal static string KindLabel(StatementKind kind) => kind switch
    {
        StatementKind.Quote => "Quote",
        StatementKind.Paraphrase => "Paraphrase",
        StatementKind.Reported => "Reported",
        _ => "Action",
    };

    internal static string Position(int position) => position.ToString("+0;\u22120;0", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
