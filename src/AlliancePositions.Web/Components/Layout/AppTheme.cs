using MudBlazor;

namespace AlliancePositions.Web.Components.Layout;

/// <summary>A calm, dense palette; system fonts only, since the app loads nothing from the internet.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        // Secondary text and the alert colours are darker than MudBlazor's defaults: text on them, and theirs on their
        // light alert backgrounds, needs a contrast of 4.5:1 (WCAG AA).
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e79", AppbarBackground = "#1f4e79", Secondary = "#8a5a00", TextSecondary = "rgba(0,0,0,0.68)",
            Info = "#0d47a1", Success = "#1b5e20", Warning = "#8d4a00", Error = "#b3261e",
        },
        // The same 4.5:1 on dark surfaces: MudBlazor's dark secondary text and its darkened info (the text of an info
        // alert and of its links) fall just short of it, and white on the light blue and gold of filled buttons too
        // (2.2:1), so they carry dark text.
        PaletteDark = new PaletteDark
        {
            Primary = "#7fb3e6", PrimaryContrastText = "#0d1b2a", Secondary = "#e0b060", SecondaryContrastText = "#0d1b2a",
            TextSecondary = "rgba(255,255,255,0.70)", InfoDarken = "#8cc4ff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
