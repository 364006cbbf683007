using AlliancePositions.Core.Editing;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Suggestions;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Components.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AlliancePositions.Web.Documents;

public sealed partial class DocumentPage
{
    private enum Composing { Annotation, Statement }

    private readonly CancellationTokenSource disposed = new();
    private TimeAxes axes = null!;
    private DocumentDetail? document;
    private IReadOnlyList<TextSegment> segments = [];
    private string? loadedKey, loadingKey;
    private bool loading = true;
    // Loads overlap when a write's reload starts while an earlier one is still reading: only the last one started is
    // shown, since an earlier one may have read before the write.
    private int loadsStarted;

    // Selecting text to annotate it (Analysts only): the browser reports the selection, the server checks it.
    private ElementReference textElement;
    private IJSObjectReference? module, watcher, keyboard;
    private string? watchedElement;
    private Task watching = Task.CompletedTask;
    private DotNetObjectReference<DocumentPage>? self;
    private TextSelection? selection;
    private Composing? composing;
    private IReadOnlyDictionary<string, string[]> annotationErrors = new Dictionary<string, string[]>();
    private string? selectionProblem;
    private CreatedAnnotation? statementEvidence;
    private CreateAnnotationRequest? newEvidence;
    private (string ActorSlug, string ActorName)? saved;

    // The keyboard's way to the same menu (issue 18): the text is focusable for an Analyst, Escape closes the menu until
    // the selection changes, and Shift+F10 or the Annotate selection button open it with the focus on its first item.
    private bool canAnnotate, menuDismissed, focusMenu;
    private SelectionMenu? menu;

    // The assistant's pending suggestions, drawn in their own colour; one opened in the statement form (e).
    private IReadOnlyList<SuggestionRow> suggested = [];
    private IReadOnlySet<string> suggestionKeys = new HashSet<string>();
    private string? currentSuggestion;
    private SuggestionRow? editing;
    private StatementPrefill? prefill;

    [Inject] private DocumentQueries Documents { get; set; } = null!;
    [Inject] private DocumentService DocumentService { get; set; } = null!;
    [Inject] private SuggestionService SuggestionService { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [Inject] private IAuthorizationService Authorization { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Parameter] public string Key { get; set; } = "";
    /// <summary>The selected annotation keys: a segment covered by two overlapping annotations selects both.</summary>
    [SupplyParameterFromQuery(Name = "annotation")] public string[]? Annotation { get; set; }

    private IReadOnlySet<string> Selected => (Annotation ?? []).ToHashSet(StringComparer.Ordinal);

    private string ListUri => axes.Link("/documents");

    private List<MudBlazor.BreadcrumbItem> Crumbs => [new("Documents", ListUri), new(document!.Title, null, disabled: true)];

    protected override async Task OnParametersSetAsync()
    {
        axes = ReadAxes();
        // Prerendering would run the query a second time; the interactive render loads it once, and a change of
        // selection (only the query string) does not reload it.
        // Parameters set again while this key loads (the layout re-rendering) wait for that load instead of starting a
        // second one, whose "loading" would replace the text, and the browser's listeners on it, after it had appeared.
        if (!RendererInfo.IsInteractive || loadedKey == Key || loadingKey == Key) return;
        var key = loadingKey = Key;
        loading = true;
        canAnnotate = await IsAnalystAsync();
        await LoadAsync();
        if (loadingKey == key) loading = false;
    }

    private async Task LoadAsync()
    {
        var (load, key) = (++loadsStarted, Key);
        var found = await Documents.FindAsync(key, disposed.Token);
        if (load != loadsStarted) return;
        document = found;
        segments = Split(document);
        loadedKey = key;
    }

    // Annotations left on an earlier revision (orphaned or dismissed) point into that text, not this one: listed, not highlighted.
    private IReadOnlyList<TextSegment> Split(DocumentDetail? shown) => shown is null ? [] : AnnotatedText.Split(shown.Text,
        shown.Annotations.Where(a => a.Revision == shown.Revision).Select(a => new AnnotationSpan(a.Key, a.Start, a.End))
            .Concat(suggested.Select(s => new AnnotationSpan(SuggestionKey(s.Id), s.Start, s.End))));

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (focusMenu && menu is not null)
        {
            focusMenu = false;
            await menu.FocusAsync();
        }
        // The text element is new after another document was opened in the same page (or after a reload showed
        // "loading"): the listeners follow it.
        if (document is null || loading || textElement.Id == watchedElement) return;
        // Claimed before the first await: on a database that answers asynchronously several renders follow one another
        // while the script loads, and each would attach its own listeners; three keyboard listeners move the caret
        // three times per key. The attachments run one after another, in the order of the renders.
        watchedElement = textElement.Id;
        watching = WatchAsync(textElement, watching);
        await watching;
    }

    private async Task WatchAsync(ElementReference text, Task previous)
    {
        // An earlier attachment's failure was reported to the render that started it.
        await previous.ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext | ConfigureAwaitOptions.SuppressThrowing);
        if (text.Id != watchedElement || !await IsAnalystAsync()) return;
        module ??= await JS.InvokeAsync<IJSObjectReference?>("import", disposed.Token, "./Documents/DocumentPage.razor.js");
        if (module is null) return; // no browser (a component test): selections arrive through OnTextSelected directly
        self ??= DotNetObjectReference.Create(this);
        await StopWatchingAsync();
        if (text.Id != watchedElement) return; // a newer text element took over while the old listeners were removed
        watcher = await module.InvokeAsync<IJSObjectReference>("watchSelection", disposed.Token, text, self);
        keyboard = await module.InvokeAsync<IJSObjectReference>("watchKeyboard", disposed.Token, text, self);
    }

    private async Task StopWatchingAsync()
    {
        if (watcher is not null) { await watcher.InvokeVoidAsync("dispose"); await watcher.DisposeAsync(); }
        if (keyboard is not null) { await keyboard.InvokeVoidAsync("dispose"); await keyboard.DisposeAsync(); }
        watcher = keyboard = null;
    }

    /// <summary>Called by the browser whenever the selection in the text changes; null when it is empty.</summary>
    [JSInvokable]
    public Task OnTextSelected(TextSelection? selected)
    {
        if (composing is not null) return Task.CompletedTask;
        if (selected is null || selection is null || (selected.Start, selected.End) != (selection.Start, selection.End)) menuDismissed = false;
        selection = selected;
        saved = null;
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>Shift+F10 (or the menu key) in the text, or the Annotate selection button: the menu, focused.</summary>
    [JSInvokable]
    public Task OpenSelectionMenu()
    {
        if (composing is not null) return Task.CompletedTask;
        if (selection is null)
        {
            selectionProblem = "Select a passage first: hold Shift and move with the arrow keys in the text, or drag with the mouse.";
        }
        else
        {
            selectionProblem = null;
            menuDismissed = false;
            focusMenu = true;
        }
        StateHasChanged();
        return Task.CompletedTask;
    }

    /// <summary>Escape in the menu: it closes until the selection changes; the browser returns the focus to the text.</summary>
    [JSInvokable]
    public Task CloseSelectionMenu()
    {
        menuDismissed = true;
        StateHasChanged();
        return Task.CompletedTask;
    }

    private void StartAnnotation()
    {
        annotationErrors = new Dictionary<string, string[]>();
        composing = Composing.Annotation;
    }

    private async Task AnnotateAsync(string? note)
    {
        var result = await CreateAnnotationAsync(note);
        if (result.Succeeded) await ShowAnnotationAsync(result.Value!.Key);
        else annotationErrors = result.Errors ?? new Dictionary<string, string[]>();
    }

    /// <summary>
    /// A statement rests on an annotation: the one at exactly this span if there is one, else a new one, which is only
    /// checked here and stored with the statement on Save (Cancel stores nothing).
    /// </summary>
    private async Task StartStatementAsync()
    {
        var existing = document!.Annotations.FirstOrDefault(a => a.Start == selection!.Start && a.End == selection.End && a.Exact == selection.Exact);
        if (existing is not null)
        {
            statementEvidence = new CreatedAnnotation(existing.Key, existing.Start, existing.End, existing.Exact, existing.Prefix, existing.Suffix);
            composing = Composing.Statement;
            return;
        }
        var request = new CreateAnnotationRequest(selection!.Start, selection.End, selection.Exact);
        var check = await DocumentService.CheckAnnotationAsync(Key, request, disposed.Token);
        if (!check.Succeeded)
        {
            selectionProblem = string.Join(" ", (check.Errors ?? new Dictionary<string, string[]>()).Values.SelectMany(v => v));
            selection = null;
            return;
        }
        newEvidence = request;
        prefill = await SuggestionService.PrefillAsync(Key, request.Start, request.End, disposed.Token);
        composing = Composing.Statement;
    }

    private static string SuggestionKey(string id) => $"suggestion-{id}";

    private void SuggestionsChanged((IReadOnlyList<SuggestionRow> Shown, string? Current) change)
    {
        suggested = change.Shown;
        suggestionKeys = change.Shown.Select(s => SuggestionKey(s.Id)).ToHashSet(StringComparer.Ordinal);
        currentSuggestion = change.Current is null ? null : SuggestionKey(change.Current);
        segments = Split(document);
    }

    /// <summary>Opens the statement form on a suggestion, pre-filled; its Save accepts the suggestion with the form's values.</summary>
    private void EditSuggestion(SuggestionRow row)
    {
        StopComposing();
        saved = null;
        editing = row;
        prefill = StatementPrefill.From(row);
        newEvidence = new CreateAnnotationRequest(row.Start, row.End, row.Exact);
        composing = Composing.Statement;
    }

    private async Task<WriteResult<string>> SaveSuggestionAsync(Core.Statements.StatementRequest request, IReadOnlyList<Core.Statements.CodingRequest> codings)
    {
        var user = (await AuthenticationState!).User;
        return await SuggestionService.AcceptAsync(Key, editing!.Id, new AcceptSuggestionRequest(request.Actor, request.Date, request.DatePrecision,
            request.Kind, request.Summary, request.Topics, codings, Credibility: request.Credibility), user.ToEditor(), disposed.Token);
    }

    private async Task<WriteResult<CreatedAnnotation>> CreateAnnotationAsync(string? note)
    {
        var user = (await AuthenticationState!).User;
        var request = new CreateAnnotationRequest(selection!.Start, selection.End, selection.Exact, string.IsNullOrWhiteSpace(note) ? null : note);
        return await DocumentService.AnnotateAsync(Key, request, user.ToEditor(), disposed.Token);
    }

    private async Task StatementSavedAsync(string statementKey)
    {
        await LoadAsync();
        var statement = document?.Statements.FirstOrDefault(s => s.Key == statementKey);
        saved = statement is null ? null : (statement.ActorSlug, statement.ActorName);
        var evidenceKey = statementEvidence?.Key
                          ?? document?.Annotations.FirstOrDefault(a => a.Start == newEvidence!.Start && a.End == newEvidence.End && a.Exact == newEvidence.Exact)?.Key;
        if (evidenceKey is null) StopComposing();
        else await ShowAnnotationAsync(evidenceKey);
    }

    private async Task ShowAnnotationAsync(string annotationKey)
    {
        StopComposing();
        await LoadAsync();
        Select([annotationKey]);
    }

    private void StopComposing()
    {
        composing = null;
        selection = null;
        statementEvidence = null;
        newEvidence = null;
        editing = null;
        prefill = null;
    }

    private async Task<bool> IsAnalystAsync() =>
        AuthenticationState is not null && (await Authorization.AuthorizeAsync((await AuthenticationState).User, Policies.Analyst)).Succeeded;

    private void Select(IReadOnlyList<string> keys) =>
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameters(
            new Dictionary<string, object?> { ["annotation"] = keys.Count == 0 ? null : keys.ToArray() }));

    public async ValueTask DisposeAsync()
    {
        disposed.Cancel();
        try
        {
            await StopWatchingAsync();
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's listeners with it.
        }
        self?.Dispose();
        disposed.Dispose();
    }
}
