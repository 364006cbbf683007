using AlliancePositions.Core.Dates;

namespace AlliancePositions.Core.Editing;

/// <summary>The limits every write checks, in one place so the UI's help text and the API's errors agree.</summary>
public static class InputRules
{
    public const int MaxTitle = 500;
    public const int MaxSummary = 4000;
    public const int MaxNote = 4000;
    public const int MaxName = 200;
    public const int MaxDocumentText = 1_000_000;
    public const int MaxQuote = 10_000;

    /// <summary>Nothing the project tracks predates Ukraine's independence (1991).</summary>
    public static readonly DateOnly Earliest = new(1991, 1, 1);

    public static void Required(FieldErrors errors, string field, string? value, int max, string label)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, $"{label} is required.");
        else if (value.Length > max) errors.Add(field, $"{label} is {value.Length:N0} characters long; the limit is {max:N0}.");
    }

    public static void Optional(FieldErrors errors, string field, string? value, int max, string label)
    {
        if (value is not null && value.Length > max) errors.Add(field, $"{label} is {value.Length:N0} characters long; the limit is {max:N0}.");
    }

    public static void Date(FieldErrors errors, string field, DateOnly? date, DateOnly today, string label)
    {
        if (date is not { } d) return;
        if (d > today) errors.Add(field, $"{label} {d:yyyy-MM-dd} is in the future.");
        else if (d < Earliest) errors.Add(field, $"{label} {d:yyyy-MM-dd} is before 1991; the project tracks events from 1991 on.");
    }

    public static PartialDate? PartialDate(FieldErrors errors, string field, DateOnly date, string? precision, DateOnly today)
    {
        if (!WireNames.TryParse<DatePrecision>(precision, out var p))
        {
            errors.Add(field + "Precision", $"\"{precision}\" is not a date precision: use day, month or year.");
            return null;
        }
        Date(errors, field, date, today, "The date");
        return Dates.PartialDate.Create(date, p);
    }
}
