using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Suggestions;
using AlliancePositions.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace AlliancePositions.Web.Suggestions;

/// <summary>The pending suggestions for one document and the analyst's review of them; the page draws their highlights.</summary>
public sealed partial class SuggestionPanel : IAsyncDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private readonly Dictionary<string, HashSet<string>> confirmed = [];
    private Dictionary<string, string> errors = [];
    private IReadOnlyList<SuggestionRow> all = [];
    private bool showLow, loading = true, busy;
    private int current;
    private string? lastDecided, status, shown;
    private IJSObjectReference? module, keys;
    private ElementReference panelElement;
    private DotNetObjectReference<SuggestionPanel>? self;

    [Inject] private SuggestionService Suggestions { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter, EditorRequired] public required string DocumentKey { get; set; }

    /// <summary>Told the shown suggestions and the current one whenever either changes, to highlight them in the text.</summary>
    [Parameter] public EventCallback<(IReadOnlyList<SuggestionRow> Shown, string? Current)> OnChanged { get; set; }

    /// <summary>Asked to open the statement form on a suggestion (<c>e</c>).</summary>
    [Parameter] public EventCallback<SuggestionRow> OnEdit { get; set; }

    private List<SuggestionRow> Visible => all.Where(s => showLow || s.Confidence >= SuggestionEngine.DefaultThreshold).ToList();

    private int Hidden => showLow ? 0 : all.Count(s => s.Confidence < SuggestionEngine.DefaultThreshold);

    private SuggestionRow? Current => Visible.Count == 0 ? null : Visible[Math.Clamp(current, 0, Visible.Count - 1)];

    protected override async Task OnInitializedAsync() => await ReloadAsync();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference?>("import", disposed.Token, "./Suggestions/SuggestionPanel.razor.js");
            if (module is null) return; // no browser (a component test)
            self = DotNetObjectReference.Create(this);
            keys = await module.InvokeAsync<IJSObjectReference>("watchKeys", disposed.Token, self, panelElement);
        }
        if (module is not null && Current?.Id is { } id && id != shown)
        {
            shown = id;
            await module.InvokeVoidAsync("show", disposed.Token, $"suggestion-{id}");
        }
    }

    /// <summary>Reads the pending suggestions again (after the page saved one through the form).</summary>
    public async Task ReloadAsync(string? decided = null)
    {
        all = await Suggestions.ListAsync(DocumentKey, disposed.Token) ?? [];
        if (decided is not null) (lastDecided, status) = (decided, "Saved the statement from the suggestion.");
        loading = false;
        current = Math.Clamp(current, 0, Math.Max(0, Visible.Count - 1));
        await NotifyAsync();
        StateHasChanged();
    }

    [JSInvokable]
    public async Task OnKey(string key)
    {
        if (busy) return;
        switch (key)
        {
            case "j": current = Math.Min(current + 1, Math.Max(0, Visible.Count - 1)); await NotifyAsync(); break;
            case "k": current = Math.Max(current - 1, 0); await NotifyAsync(); break;
            case "a" when Current is { } row: await AcceptAsync(row); break;
            case "e" when Current is { } row: await OnEdit.InvokeAsync(row); break;
            case "x" when Current is { } row: await RejectAsync(row); break;
            case "u": await UndoAsync(); break;
        }
        StateHasChanged();
    }

    private async Task AcceptAsync(SuggestionRow row)
    {
        var codings = row.Questions.Where(q => q.Position is not null && IsConfirmed(row.Id, q.Slug))
            .Select(q => new CodingRequest(q.Slug, q.Position!.Value)).ToList();
        await DecideAsync(row, editor => Suggestions.AcceptAsync(DocumentKey, row.Id, new AcceptSuggestionRequest(Codings: codings), editor, disposed.Token),
            $"Accepted: a statement by {row.Actor?.Name ?? row.SpeakerMention?.Exact}.");
    }

    private Task RejectAsync(SuggestionRow row) =>
        DecideAsync(row, editor => Suggestions.RejectAsync(DocumentKey, row.Id, editor, disposed.Token), "Rejected; it will not be proposed again.");

    private async Task DecideAsync<T>(SuggestionRow row, Func<Core.Editing.Editor, Task<Core.Editing.WriteResult<T>>> decide, string done)
    {
        busy = true;
        try
        {
            var result = await decide((await AuthenticationState).User.ToEditor());
            errors = [];
            if (result.Status == Core.Editing.WriteStatus.Invalid)
            {
                errors[row.Id] = string.Join(" ", result.Errors!.Values.SelectMany(v => v)) + " Press e to choose in the form.";
                status = "Not saved: see the suggestion.";
                return;
            }
            (lastDecided, status) = result.Succeeded ? (row.Id, done) : (lastDecided, "Someone else decided this suggestion already.");
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UndoAsync()
    {
        if (lastDecided is not { } id) return;
        busy = true;
        try
        {
            var result = await Suggestions.ReopenAsync(DocumentKey, id, (await AuthenticationState).User.ToEditor(), disposed.Token);
            lastDecided = null;
            status = result.Succeeded ? "Undone: the suggestion is pending again." : "Nothing to undo.";
            await ReloadAsync();
            var index = Visible.FindIndex(s => s.Id == id);
            if (index >= 0) current = index;
            await NotifyAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task RecomputeAsync()
    {
        busy = true;
        try
        {
            await Suggestions.ComputeAsync(DocumentKey, disposed.Token);
            status = "Suggestions computed again.";
            await ReloadAsync();
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ShowLowChangedAsync(bool value)
    {
        showLow = value;
        current = 0;
        await NotifyAsync();
    }

    private bool IsConfirmed(string id, string question) => confirmed.TryGetValue(id, out var set) && set.Contains(question);

    private void Confirm(string id, string question, bool value)
    {
        if (!confirmed.TryGetValue(id, out var set)) confirmed[id] = set = [];
        if (value) set.Add(question);
        else set.Remove(question);
    }

    private Task NotifyAsync() => OnChanged.InvokeAsync((Visible, Current?.Id));

    public async ValueTask DisposeAsync()
    {
        await disposed.CancelAsync();
        try
        {
            if (keys is not null) await keys.InvokeVoidAsync("dispose");
            if (keys is not null) await keys.DisposeAsync();
            if (module is not null) await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone; so is the page's listener.
        }
        self?.Dispose();
        disposed.Dispose();
    }
}
