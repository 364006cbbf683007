using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Statements;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Search;

public sealed record SearchResults(string Text, IReadOnlyList<ActorSummary> Actors, IReadOnlyList<DocumentSummary> Documents, IReadOnlyList<StatementRow> Statements,
    IReadOnlyList<QuestionSummary> Questions);

/// <summary>
/// The app bar's search: actors by name and alias, documents by title, statements by summary and quote, questions by
/// title and key.
/// </summary>
public sealed class SearchQueries(IDbContextFactory<AppDbContext> contexts, ActorQueries actors, StatementQueries statements)
{
    public const int Limit = 20;

    public async Task<SearchResults> SearchAsync(string text, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text)) return new SearchResults("", [], [], [], []);
        var foundActors = await actors.ListAsync(text, 1, Limit, cancellationToken);
        var foundStatements = await statements.SearchAsync(new StatementFilter(Text: text, PageSize: Limit), cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var pattern = $"%{text.Trim()}%";
        // Case-insensitive on both providers: SQLite's LIKE folds case, PostgreSQL's needs ILIKE.
        var postgres = db.Database.IsNpgsql();
        var documents = await (postgres ? db.Documents.Where(d => EF.Functions.ILike(d.Title, pattern)) : db.Documents.Where(d => EF.Functions.Like(d.Title, pattern)))
            .AsNoTracking()
            .NewestFirst().ThenBy(d => d.Key).Take(Limit)
            .Select(d => new DocumentSummary(d.Key, d.Title, d.Outlet != null ? d.Outlet.Name : null, d.PublishedOn, d.Sha256,
                d.ReliabilityOverride ?? (d.Outlet != null ? d.Outlet.Reliability : SourceGrade.F), d.Annotations.Count))
            .ToListAsync(cancellationToken);
        var questions = await (postgres
                ? db.Questions.Where(q => EF.Functions.ILike(q.Title, pattern) || EF.Functions.ILike(q.Slug, pattern))
                : db.Questions.Where(q => EF.Functions.Like(q.Title, pattern) || EF.Functions.Like(q.Slug, pattern)))
            .AsNoTracking()
            .OrderBy(q => q.Title).Take(Limit)
            .Select(q => new QuestionSummary(q.Slug, q.Title, q.Topic.Slug, q.Topic.Name, q.MinusTwoMeans, q.PlusTwoMeans))
            .ToListAsync(cancellationToken);
        return new SearchResults(text, foundActors.Items, documents, foundStatements.Page.Items, questions);
    }
}
