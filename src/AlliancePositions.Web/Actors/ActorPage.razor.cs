using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Actors;

/// <summary>
/// An actor's stance timeline. All state is in the URL: asOf/knownAt, compare, and the timeline's topic, question and
/// page. Queries run once, on the interactive render: the prerender shows the loading state only.
/// </summary>
public partial class ActorPage
{
    private const int TimelinePageSize = 20;
    private readonly CancellationTokenSource disposal = new();

    [Inject] private ActorQueries Actors { get; set; } = null!;
    [Inject] private StanceQueries Stances { get; set; } = null!;
    [Inject] private TopicQueries TopicQueries { get; set; } = null!;
    [Inject] private QuestionQueries QuestionQueries { get; set; } = null!;
    [Inject] private StatementQueries Statements { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string Slug { get; set; } = "";
    [SupplyParameterFromQuery] public string? Compare { get; set; }
    [SupplyParameterFromQuery] public string? Topic { get; set; }
    [SupplyParameterFromQuery] public string? Question { get; set; }
    [SupplyParameterFromQuery(Name = "page")] public int? PageNumber { get; set; }

    private TimeAxes axes = null!;
    private ActorDetail? actor;
    private bool notFound;
    private bool compareMissing;
    private ActorDetail? compareActor;
    private IReadOnlyList<QuestionSummary> questions = [];
    private IReadOnlyList<TopicSummary> topics = [];
    private IReadOnlyList<ActorSummary> choices = [];
    private IReadOnlyDictionary<string, Stance> stances = new Dictionary<string, Stance>();
    private IReadOnlyDictionary<string, Stance>? compareStances;
    private OverallAgreement? overall;
    private StanceChartData? chart;
    private IReadOnlyList<StanceSentence>? sentences;
    private IReadOnlyList<SimilarActor>? similar;
    private FilteredPage<TimelineItem>? timeline;
    private ChartPointSelection? selected;
    private string? loadedProfile;
    private string? loadedTimeline;
    private string? loadedChart;

    protected override async Task OnParametersSetAsync()
    {
        axes = ReadAxes();
        if (!RendererInfo.IsInteractive) return;
        var token = disposal.Token;

        var profileKey = string.Join('|', Slug, axes.AsOf, axes.KnownAt, axes.Lens, Compare);
        if (profileKey != loadedProfile)
        {
            await LoadProfileAsync(token);
            loadedProfile = profileKey;
        }
        if (actor is null) return;

        var timelineKey = string.Join('|', Slug, axes.AsOf, axes.KnownAt, Topic, Question, PageNumber);
        if (timelineKey != loadedTimeline)
        {
            timeline = null;
            var filter = new TimelineFilter(Topic, Question, To: axes.AsOf, Page: Math.Max(1, PageNumber ?? 1), PageSize: TimelinePageSize, KnownAt: axes.KnownAt);
            timeline = await Actors.TimelineAsync(Slug, filter, token);
            loadedTimeline = timelineKey;
        }

        // The chart last: it replays everything the actor said on every question, seconds for the most prolific voices
        // of a large corpus, so the stances and the timeline are shown first and the chart follows.
        // The sentences read the same history the chart draws: replayed once for both.
        if (profileKey != loadedChart)
        {
            StateHasChanged();
            var history = await Task.Run(() => Stances.HistoryAsync(actor.Slug, axes.AsOf, axes.KnownAt, axes.Lens, token), token);
            sentences = StanceSentences.ForActor(actor.Name, questions, stances, history);
            StateHasChanged();
            similar = await Task.Run(() => Stances.SimilarActorsAsync(actor.Slug, stances.Keys.ToList(), axes.AsOf, axes.KnownAt, axes.Lens,
                SimilarActors.Shown, token), token);
            StateHasChanged();
            chart = await StanceChartData.LoadAsync(Stances, QuestionQueries, Statements, new ActorRef(actor.Slug, actor.Name),
                compareActor is null ? null : new ActorRef(compareActor.Slug, compareActor.Name), axes, history, token);
            loadedChart = profileKey;
        }
    }

    private async Task LoadProfileAsync(CancellationToken token)
    {
        actor = await Actors.FindAsync(Slug, token);
        notFound = actor is null;
        if (actor is null) return;
        chart = null;
        sentences = null;
        similar = null;
        selected = null;
        questions = await QuestionQueries.ListAsync(token);
        topics = await TopicQueries.ListTopicsAsync(token);
        choices = (await Actors.ListAsync(null, 1, PageLimits.MaxPageSize, token)).Items;
        stances = await Stances.ActorOverviewAsync(Slug, axes.AsOf, axes.KnownAt, axes.Lens, token);

        compareActor = string.IsNullOrWhiteSpace(Compare) || Compare == Slug ? null : await Actors.FindAsync(Compare, token);
        compareMissing = !string.IsNullOrWhiteSpace(Compare) && Compare != Slug && compareActor is null;
        compareStances = compareActor is null ? null : await Stances.ActorOverviewAsync(compareActor.Slug, axes.AsOf, axes.KnownAt, axes.Lens, token);
        overall = compareStances is null ? null : Agreement.Overall(stances, compareStances);
    }

    private void Select(ChartPointSelection selection) => selected = selection;

    private void CompareWith(string? slug) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("compare", string.IsNullOrEmpty(slug) ? null : slug));

    private void FilterByTopic(string? topic) => Filter("topic", topic);

    private void FilterByQuestion(string? question) => Filter("question", question);

    private void Filter(string name, string? value) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { [name] = value, ["page"] = null }));

    private void GoToPage(int page) => Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("page", page <= 1 ? null : page));

    private string ClearFiltersLink =>
        Navigation.GetUriWithQueryParameters(new Dictionary<string, object?> { ["topic"] = null, ["question"] = null, ["page"] = null });

    private string ListLink => axes.Link("/actors");

    private string ActorLink(string slug) => axes.Link($"/actors/{Uri.EscapeDataString(slug)}");

    private string CompareLink(string slug) => Navigation.GetUriWithQueryParameter("compare", slug);

    private string MeetingLink(string key) => axes.Link($"/meetings/{Uri.EscapeDataString(key)}");

    private string QuestionLink(string slug) => axes.Link($"/questions/{Uri.EscapeDataString(slug)}");

    private string CsvLink => axes.Link($"/api/actors/{Uri.EscapeDataString(Slug)}/timeline.csv",
        new Dictionary<string, object?> { ["topic"] = Topic, ["question"] = Question });

    private string ChartLink => axes.Link($"/api/actors/{Uri.EscapeDataString(Slug)}/chart.svg", new Dictionary<string, object?> { ["compare"] = compareActor?.Slug });

    public void Dispose()
    {
        disposal.Cancel();
        disposal.Dispose();
        GC.SuppressFinalize(this);
    }
}
