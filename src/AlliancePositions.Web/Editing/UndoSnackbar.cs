using MudBlazor;

namespace AlliancePositions.Web.Editing;

/// <summary>
/// After a delete, a few seconds in which one click undoes it: the snackbar's Undo restores the record through the
/// same Core service an Admin's restore uses. Deletes are soft, so the undo brings the record back whole.
/// </summary>
public static class UndoSnackbar
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(8);

    public static void ShowUndo(this ISnackbar snackbar, string message, Func<Task> undo) =>
        snackbar.Add(message, Severity.Normal, options =>
        {
            options.Action = "Undo";
            options.ActionColor = Color.Primary;
            options.ActionVariant = Variant.Outlined;
            options.VisibleStateDuration = (int)Duration.TotalMilliseconds;
            options.CloseAfterNavigation = false;
            options.OnClick = _ => undo();
        });
}
