using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Statements.Search;

/// <summary>
/// Full-text search over statement summaries and their evidencing quotes: the seam where the database's own engine
/// is used. SQLite uses an FTS5 external-content table (<c>StatementSearch</c>, created and kept in step by triggers
/// in the <c>AddStatementSearch</c> migration); PostgreSQL a generated <c>tsvector</c> column with a GIN index (its own
/// <c>AddStatementSearch</c> migration). Both fold case and diacritics and do not stem: every word must occur, the last
/// as a prefix.
/// </summary>
public interface IStatementTextSearch
{
    /// <summary>
    /// The statements matching every word of <paramref name="text"/>, as a query the other filters compose onto (so a
    /// database that can combine the text index with another, as PostgreSQL's bitmap AND does, sees both on one table).
    /// </summary>
    IQueryable<Statement> Matching(AppDbContext db, string text);
}

public static class StatementTextSearch
{
    public static IStatementTextSearch For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.PostgreSQL => new PostgresStatementTextSearch(),
        _ => new SqliteStatementTextSearch(),
    };
}

internal sealed class SqliteStatementTextSearch : IStatementTextSearch
{
    public IQueryable<Statement> Matching(AppDbContext db, string text)
    {
        var match = ToFtsQuery(text);
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM StatementSearch WHERE StatementSearch MATCH {match}");
        return db.Statements.Where(s => ids.Contains(s.Id));
    }

    /// <summary>
    /// User text becomes FTS5 phrases, never FTS5 syntax: each word is quoted (so "NOT" or a stray quote cannot break
    /// the query) and the last one matches as a prefix, as people type.
    /// </summary>
    internal static string ToFtsQuery(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Replace("\"", "", StringComparison.Ordinal))
            .Where(w => w.Length > 0)
            .Select(w => $"\"{w}\"")
            .ToList();
        if (words.Count == 0) return "\"\"";
        words[^1] += "*";
        return string.Join(' ', words);
    }
}
