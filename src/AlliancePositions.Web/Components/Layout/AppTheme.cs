using MudBlazor;

namespace AlliancePositions.Web.Components.Layout;

/// <summary>A calm, dense palette; system fonts only, since the app loads nothing from the internet.</summary>
public static class AppTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight { Primary = "#1f4e79", AppbarBackground = "#1f4e79", Secondary = "#8a5a00" },
        PaletteDark = new PaletteDark { Primary = "#7fb3e6", Secondary = "#e0b060" },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
