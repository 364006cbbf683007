using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Suggestions;

/// <summary>Reads the assistant's directory from the database: a handful of projecting queries, no whole entities.</summary>
public static class SuggestionDirectoryQueries
{
    /// <summary>The most recent coded statements serve as examples; older ones add little and cost time.</summary>
    public const int MaxExamples = 2000;

    public static async Task<SuggestionDirectory> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var actors = await db.Actors.AsNoTracking()
            .Select(a => new { a.Slug, a.Name, a.Kind, a.CountryCode, a.Aliases, Roles = a.Roles.Select(r => new DirectoryRole(r.Office, r.OfficeKind, r.CountryCode, r.From, r.To)).ToList() })
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Select(m => new { m.Key, m.Title, m.Date, m.DatePrecision, Participants = m.Participants.Select(p => p.Slug).ToList() })
            .ToListAsync(cancellationToken);
        var countries = await db.Countries.AsNoTracking().Select(c => new DirectoryCountry(c.Code, c.Name)).ToListAsync(cancellationToken);
        var outlets = await db.Outlets.AsNoTracking().Select(o => o.Name).ToListAsync(cancellationToken);
        var questions = await db.Questions.AsNoTracking()
            .Select(q => new DirectoryQuestion(q.Slug, q.Title, q.MinusTwoMeans, q.PlusTwoMeans, q.Topic.Name)).ToListAsync(cancellationToken);
        var codings = await db.Codings.AsNoTracking().Where(c => c.Statement.DeletedAt == null)
            .OrderByDescending(c => c.StatementId).Take(MaxExamples)
            .Select(c => new { c.StatementId, c.Statement.SearchText, Question = c.Question.Slug, c.Position }).ToListAsync(cancellationToken);
        var examples = codings.GroupBy(c => (c.StatementId, c.Question))
            .Select(g => new CodedExample(g.First().SearchText, g.Key.Question, g.Average(c => c.Position))).ToList();
        return new SuggestionDirectory(
            actors.Select(a => new DirectoryActor(a.Slug, a.Name, a.Kind, a.CountryCode, a.Aliases, a.Roles)).ToList(),
            meetings.Select(m => new DirectoryMeeting(m.Key, m.Title, new Dates.PartialDate(m.Date, m.DatePrecision), m.Participants)).ToList(),
            countries, outlets, questions, examples);
    }
}
