using System.Globalization;
using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace AlliancePositions.Web.Questions;

/// <summary>
/// One question: the agreement heat map, coalitions, bloc cohesion and shifts at (asOf, knownAt), and the evidence
/// behind a chosen pair. The pair lives in the URL (<c>pair=a,b</c>) so a view of the evidence can be cited, and so
/// do the matrix's actors (<c>actors=a,b,c</c>; by default the most documented): the page draws what is chosen, not
/// every pair of every actor on record (the downloads have the whole matrix).
/// </summary>
public sealed partial class QuestionPage
{
    private enum LoadState { Loading, Loaded }

    [Inject] private QuestionQueries Questions { get; set; } = null!;
    [Inject] private StanceQueries StanceQueries { get; set; } = null!;
    [Inject] private CountryQueries Countries { get; set; } = null!;
    [Inject] private StatementQueries Statements { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public string Slug { get; set; } = "";
    [SupplyParameterFromQuery] public string? Pair { get; set; }
    [SupplyParameterFromQuery] public string? Actors { get; set; }

    /// <summary>Actors the matrix shows unless the URL names others: those with the most counting statements.</summary>
    public const int DefaultMatrixActors = 20;

    /// <summary>Past this a heat map stops being readable (and its cells grow as the square).</summary>
    public const int MaxMatrixActors = 40;

    private readonly CancellationTokenSource disposed = new();
    private TimeAxes axes = null!;
    private LoadState state = LoadState.Loading;
    private (string Slug, DateOnly AsOf, DateOnly KnownAt, Core.Stances.StanceLens Lens)? loadedFor;
    private QuestionSummary? question;
    private QuestionStances? stances;
    private QuestionStances? matrix;
    private IReadOnlyList<(BlocSummary Bloc, BlocQuestionCohesion Cohesion)> blocs = [];
    private IReadOnlyList<ActorShift> shifts = [];
    private (string A, string B)? selected;
    private (ActorStance First, ActorStance Second)? shown;
    private IReadOnlyList<EvidenceSpan> spans = [];

    protected override async Task OnParametersSetAsync()
    {
        axes = ReadAxes();
        // The prerender shows the loading state; the interactive render loads once. A new pair alone reloads only its evidence.
        if (!RendererInfo.IsInteractive) return;
        var ct = disposed.Token;
        if (loadedFor != (Slug, axes.AsOf, axes.KnownAt, axes.Lens))
        {
            state = LoadState.Loading;
            await LoadQuestionAsync(ct);
            loadedFor = (Slug, axes.AsOf, axes.KnownAt, axes.Lens);
            state = LoadState.Loaded;
        }
        matrix = stances is null ? null : stances.Only(MatrixActors(stances, Actors));
        await LoadEvidenceAsync(ct);
    }

    /// <summary>The URL's actors that have a record (in its order, at most <see cref="MaxMatrixActors"/>), else the most documented.</summary>
    public static IReadOnlyList<string> MatrixActors(QuestionStances stances, string? actors)
    {
        var known = stances.Stances.Select(s => s.Actor.Slug).ToHashSet(StringComparer.Ordinal);
        var chosen = actors?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(known.Contains).Distinct(StringComparer.Ordinal).Take(MaxMatrixActors).ToList();
        return chosen is { Count: > 0 } ? chosen : stances.Stances.OrderByDescending(s => s.Stance.EvidenceCount)
            .ThenBy(s => s.Actor.Name, StringComparer.Ordinal).Take(DefaultMatrixActors).Select(s => s.Actor.Slug).ToList();
    }

    private string MatrixCaption => matrix!.Stances.Count == stances!.Stances.Count
        ? $"All {stances.Stances.Count} actors with a record."
        : Actors is null
            ? $"The {matrix.Stances.Count} most documented of {stances.Stances.Count:N0} actors with a record (by counting statements). Add or remove actors, or download the whole matrix."
            : $"{matrix.Stances.Count} of {stances.Stances.Count:N0} actors with a record, as chosen.";

    private Task<IEnumerable<ActorRef>> SearchActors(string? text, CancellationToken cancellationToken)
    {
        var shownNow = matrix!.Stances.Select(s => s.Actor.Slug).ToHashSet(StringComparer.Ordinal);
        return Task.FromResult(stances!.Stances.Select(s => s.Actor).Where(a => !shownNow.Contains(a.Slug)
            && (string.IsNullOrWhiteSpace(text) || a.Name.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase))));
    }

    private Task AddActorAsync(ActorRef? actor) =>
        actor is null ? Task.CompletedTask : ShowActorsAsync(matrix!.Stances.Select(s => s.Actor.Slug).Append(actor.Slug));

    private Task RemoveActorAsync(string slug) => ShowActorsAsync(matrix!.Stances.Select(s => s.Actor.Slug).Where(s => s != slug));

    private Task ResetActorsAsync() => ShowActorsAsync(null);

    private Task ShowActorsAsync(IEnumerable<string>? slugs)
    {
        var list = slugs?.ToList();
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("actors", list is null ? null : string.Join(',', list)));
        return Task.CompletedTask;
    }

    private async Task LoadQuestionAsync(CancellationToken ct)
    {
        question = await Questions.FindAsync(Slug, ct);
        stances = question is null ? null : await StanceQueries.OverviewAsync(Slug, axes.AsOf, axes.KnownAt, axes.Lens, ct);
        if (question is null || stances is null) return;
        blocs = await Countries.CohesionOnQuestionAsync(Slug, axes.AsOf, axes.KnownAt, ct);
        shifts = stances.Shifts;
    }

    private async Task LoadEvidenceAsync(CancellationToken ct)
    {
        selected = ParsePair(Pair) is { } pair && Find(pair.A) is not null && Find(pair.B) is not null ? pair : null;
        if (selected is not { } chosen) { (spans, shown) = ([], null); return; }
        // The matrix's stances carry no weighted evidence (OverviewAsync): the two shown are worked out in full.
        var worked = await StanceQueries.ForQuestionAsync(Slug, axes.AsOf, axes.KnownAt, axes.Lens, [chosen.A, chosen.B], ct);
        var (first, second) = (worked!.Stances.Single(s => s.Actor.Slug == chosen.A), worked.Stances.Single(s => s.Actor.Slug == chosen.B));
        var withTexts = await StanceQueries.WithTextsAsync([first.Stance, second.Stance], ct);
        shown = (first with { Stance = withTexts[0] }, second with { Stance = withTexts[1] });
        spans = await Statements.EvidenceSpansAsync(withTexts.SelectMany(s => s.Evidence).Select(e => e.Item.StatementKey).Distinct().ToList(), ct);
    }

    private string EvidenceAnnouncement => shown is var (first, second)
        ? $"Evidence shown beside the matrix: {AgreementScale.Describe(first.Actor.Name, second.Actor.Name, Agreement.Between(first.Stance, second.Stance), first.Stance.EvidenceCount + second.Stance.EvidenceCount)}."
        : "";

    private ActorStance? Find(string slug) => stances?.Stances.FirstOrDefault(s => s.Actor.Slug == slug);

    private static (string A, string B)? ParsePair(string? pair) =>
        pair?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is [var a, var b] && a != b ? (a, b) : null;

    private Task SelectAsync((string A, string B) pair)
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("pair", $"{pair.A},{pair.B}"));
        return Task.CompletedTask;
    }

    private Task CloseAsync()
    {
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("pair", (string?)null));
        return Task.CompletedTask;
    }

    private string ExportHref(string extension) =>
        axes.Link($"/api/questions/{Uri.EscapeDataString(Slug)}/agreement.{extension}");

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
