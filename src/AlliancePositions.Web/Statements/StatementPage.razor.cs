using AlliancePositions.Core.Statements;
using AlliancePositions.Web.Accounts;
using AlliancePositions.Web.Editing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace AlliancePositions.Web.Statements;

/// <summary>One statement: what was said, its evidence and codings, and (for an Analyst) edit, delete with undo, and coding.</summary>
public sealed partial class StatementPage : IDisposable
{
    private readonly CancellationTokenSource disposed = new();
    private StatementRow? row;
    private StatementForEdit? statement;
    private bool loading = true, editing;
    private string? problem, loadedKey;

    [Inject] private StatementQueries Statements { get; set; } = null!;
    [Inject] private StatementService Service { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = null!;

    [Parameter] public string Key { get; set; } = "";

    protected override async Task OnParametersSetAsync()
    {
        // Prerendering would run the queries a second time; the interactive render loads them once.
        if (!RendererInfo.IsInteractive || loadedKey == Key) return;
        loading = true;
        await ReloadAsync();
        loading = false;
    }

    private async Task ReloadAsync()
    {
        row = (await Statements.FindAsync(Key, disposed.Token))?.Row;
        statement = await Statements.FindForEditAsync(Key, disposed.Token);
        loadedKey = Key;
    }

    private void OpenEdit() => editing = true;

    private async Task EditedAsync()
    {
        editing = false;
        await ReloadAsync();
    }

    private async Task DeleteAsync()
    {
        var editor = (await AuthenticationState).User.ToEditor();
        var result = await Service.DeleteAsync(Key, editor, disposed.Token);
        if (!result.Succeeded)
        {
            problem = "This statement was deleted meanwhile.";
            return;
        }
        var (key, back) = (Key, Navigation.Uri);
        Snackbar.ShowUndo($"Statement \"{Shorten(row!.Summary)}\" deleted.", async () =>
        {
            // The undo outlives this page (it is pressed on the statements list), so it runs on its own token.
            var restored = await Service.RestoreAsync(key, editor, CancellationToken.None);
            if (restored.Succeeded) Navigation.NavigateTo(back);
        });
        Navigation.NavigateTo("/statements");
    }

    private async Task DeleteCodingAsync(CodingForEdit coding)
    {
        var editor = (await AuthenticationState).User.ToEditor();
        var result = await Service.DeleteCodingAsync(Key, coding.Question, coding.Coder, editor, disposed.Token);
        if (!result.Succeeded)
        {
            problem = "This coding was deleted meanwhile.";
            await ReloadAsync();
            return;
        }
        var key = Key;
        Snackbar.ShowUndo($"{coding.CoderName}'s coding on \"{coding.QuestionTitle}\" deleted.", async () =>
        {
            var restored = await Service.RestoreCodingAsync(key, coding.Question, coding.Coder, editor, CancellationToken.None);
            if (!restored.Succeeded || disposed.IsCancellationRequested) return;
            await InvokeAsync(async () =>
            {
                await ReloadAsync();
                StateHasChanged();
            });
        });
        await ReloadAsync();
    }

    private static string Shorten(string text) =>
        text.Length <= 60 ? text : string.Concat(text.AsSpan(0, char.IsHighSurrogate(text[58]) ? 58 : 59), "…"); // never split a surrogate pair

    public void Dispose()
    {
        disposed.Cancel();
        disposed.Dispose();
    }
}
