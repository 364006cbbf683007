using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Keys;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Paging;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace AlliancePositions.Web.Statements;

public sealed partial class NewStatementForm : IDisposable
{
    private static readonly string[] RelationTypes =
        [RelationType.Denies.ToWire(), RelationType.Clarifies.ToWire(), RelationType.Retracts.ToWire(), RelationType.Reinterprets.ToWire()];

    private readonly CancellationTokenSource disposed = new();
    private IReadOnlyDictionary<string, string[]> errors = new Dictionary<string, string[]>();
    private IReadOnlyDictionary<string, string[]> actorErrors = new Dictionary<string, string[]>();
    private IReadOnlyList<TopicSummary> allTopics = [];
    private IReadOnlyList<MeetingSummary> meetings = [];
    private List<CodingChoice> codings = [];

    private ActorSummary? actor;
    private DateTime? date;
    private string precision = DatePrecision.Day.ToWire();
    private string kind = StatementKind.Quote.ToWire();
    private string summary = "";
    private IReadOnlyCollection<string> topics = [];
    private int credibility = (int)Core.Sources.Credibility.CannotBeJudged;
    private string? meeting, relationType, dateEvidence;
    private StatementRow? relatedStatement;
    private bool addingActor, saving;
    private string? newActorName, newActorCountry, newActorAliases;
    private string newActorKind = ActorKind.Person.ToWire();

    [Inject] private ActorQueries Actors { get; set; } = null!;
    [Inject] private ActorService ActorService { get; set; } = null!;
    [Inject] private TopicQueries Topics { get; set; } = null!;
    [Inject] private QuestionQueries Questions { get; set; } = null!;
    [Inject] private MeetingQueries Meetings { get; set; } = null!;
    [Inject] private StatementQueries Statements { get; set; } = null!;
    [Inject] private StatementService StatementService { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    /// <summary>The existing annotation the statement rests on, when the reader's selection is exactly one.</summary>
    [Parameter] public string? AnnotationKey { get; set; }
    /// <summary>
    /// Otherwise the selection to annotate: nothing is stored until Save, which stores the annotation and the statement
    /// together (Cancel leaves no annotation behind).
    /// </summary>
    [Parameter] public CreateAnnotationRequest? NewEvidence { get; set; }
    [Parameter] public string DocumentKey { get; set; } = "";
    [Parameter, EditorRequired] public required string Quote { get; set; }
    /// <summary>The document's publication date: where most statements' dates start.</summary>
    [Parameter] public DateOnly? DefaultDate { get; set; }
    /// <summary>The assistant's reading of the passage (speaker, date, kind, questions), for the analyst to confirm or change.</summary>
    [Parameter] public StatementPrefill? Prefill { get; set; }
    /// <summary>
    /// Stores the statement and its codings another way in one write (accepting a suggestion), instead of creating them here.
    /// </summary>
    [Parameter] public Func<StatementRequest, IReadOnlyList<CodingRequest>, Task<Core.Editing.WriteResult<string>>>? SaveWith { get; set; }
    [Parameter] public EventCallback<string> OnSaved { get; set; }
    [Parameter] public EventCallback OnCancel { get; set; }

    private ElementReference heading;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender) await heading.FocusAsync();
    }

    protected override async Task OnInitializedAsync()
    {
        summary = Quote.Length <= Core.Editing.InputRules.MaxSummary ? Quote : Quote[..Core.Editing.InputRules.MaxSummary];
        date = DefaultDate?.ToDateTime(TimeOnly.MinValue);
        allTopics = await Topics.ListTopicsAsync(disposed.Token);
        meetings = (await Meetings.ListAsync(1, PageLimits.MaxPageSize, disposed.Token)).Items;
        codings = (await Questions.ListAsync(disposed.Token)).Select(q => new CodingChoice(q)).ToList();
        if (Prefill is not null) await ApplyPrefillAsync(Prefill);
    }

    /// <summary>
    /// Starts from the assistant's reading: the actor (or a new actor named as the text names it), the date and its
    /// precision, the kind, and the ranked questions first, each with its suggested position shown, never chosen.
    /// </summary>
    private async Task ApplyPrefillAsync(StatementPrefill prefill)
    {
        if (prefill.Actor is { } known && await Actors.FindAsync(known.Slug, disposed.Token) is { } found)
            actor = new ActorSummary(found.Slug, found.Name, found.Kind, found.Country);
        if (actor is null && prefill.SpeakerMention is { } mention) (addingActor, newActorName) = (true, mention);
        if (prefill.Date is { } when)
            (date, precision, dateEvidence) = (when.Value.ToDateTime(TimeOnly.MinValue), when.Precision.ToWire(), prefill.DateEvidence);
        if (prefill.Kind is { } suggestedKind) kind = suggestedKind.ToWire();
        var ranked = prefill.Questions.Select(q => q.Slug).ToList();
        foreach (var choice in codings) choice.Suggested = prefill.Questions.FirstOrDefault(q => q.Slug == choice.Question.Slug);
        codings = codings.OrderBy(c => ranked.IndexOf(c.Question.Slug) is var i && i < 0 ? int.MaxValue : i).ToList();
    }

    /// <summary>What is wrong with the evidence: the annotation cited, or the new selection's span.</summary>
    private string? EvidenceError()
    {
        var messages = errors.Where(e => e.Key == "annotationIds" || e.Key.StartsWith("evidence.", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    private string? ErrorOf(string field) => errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private string? ActorErrorOf(string field) => actorErrors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    /// <summary>Errors of the i-th coding sent, mapped back to the question's row.</summary>
    private string? CodingError(int row)
    {
        var sent = codings.Select((c, i) => (c, i)).Where(x => x.c.Position is not null).Select(x => x.i).ToList();
        var index = sent.IndexOf(row);
        if (index < 0) return null;
        var messages = errors.Where(e => e.Key.StartsWith($"codings[{index}].", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    // ActorQueries matches aliases too, so "the chancellor" finds Olaf Scholz.
    private async Task<IEnumerable<ActorSummary>> SearchActorsAsync(string? text, CancellationToken cancellationToken) =>
        (await Actors.ListAsync(text, 1, 20, cancellationToken)).Items;

    private async Task<IEnumerable<StatementRow>> SearchStatementsAsync(string? text, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(text) ? [] : (await Statements.SearchAsync(new StatementFilter(Text: text, PageSize: 20), cancellationToken)).Page.Items;

    private async Task CreateActorAsync()
    {
        var aliases = (newActorAliases ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var country = string.IsNullOrWhiteSpace(newActorCountry) ? null : newActorCountry.Trim();
        var result = await ActorService.CreateAsync(new CreateActorRequest(newActorName ?? "", newActorKind, country, aliases), await EditorAsync(), disposed.Token);
        actorErrors = result.Errors ?? new Dictionary<string, string[]>();
        if (!result.Succeeded) return;
        actor = result.Value;
        addingActor = false;
        (newActorName, newActorCountry, newActorAliases) = (null, null, null);
    }

    private async Task SaveAsync()
    {
        saving = true;
        try
        {
            var editor = await EditorAsync();
            var chosen = codings.Where(c => c.Position is not null).Select(c => new CodingRequest(c.Question.Slug, c.Position!.Value)).ToList();
            // Check the codings first: a statement saved without the codings the analyst chose would be half a write.
            var problems = new Dictionary<string, string[]>(await StatementService.CheckCodingsAsync(chosen, disposed.Token));
            if (date is null) problems["date"] = ["The date is required."];
            if (actor is null) problems["actor"] = ["Choose who said it, or add a new actor."];
            errors = problems;
            if (errors.Count > 0) return;

            var relation = relationType is null && relatedStatement is null ? null : new RelationRequest(relationType ?? "", relatedStatement?.Key ?? "");
            var request = new StatementRequest(actor?.Slug ?? "", kind, date is { } d ? DateOnly.FromDateTime(d) : default, precision, summary,
                topics.ToList(), AnnotationKey is null ? [] : [AnnotationKey], credibility, meeting, relation);
            if (SaveWith is not null)
            {
                var accepted = await SaveWith(request, chosen);
                errors = accepted.Errors ?? new Dictionary<string, string[]>();
                if (accepted.Succeeded) await OnSaved.InvokeAsync(accepted.Value);
                return;
            }
            var created = NewEvidence is null
                ? await StatementService.CreateAsync(request, editor, disposed.Token)
                : await StatementService.CreateWithNewEvidenceAsync(DocumentKey, NewEvidence, request, editor, disposed.Token);
            errors = created.Errors ?? new Dictionary<string, string[]>();
            if (!created.Succeeded) return;
            foreach (var coding in chosen) await StatementService.CodeAsync(created.Value!, coding, editor, disposed.Token);
            await OnSaved.InvokeAsync(created.Value);
        }
        finally
        {
            saving = false;
        }
    }

    private async Task<Core.Editing.Editor> EditorAsync() => (await AuthenticationState).User.ToEditor();

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }

    private sealed class CodingChoice(QuestionSummary question)
    {
        public QuestionSummary Question { get; } = question;
        public int? Position { get; set; }
        public QuestionSuggestion? Suggested { get; set; }
    }
}
