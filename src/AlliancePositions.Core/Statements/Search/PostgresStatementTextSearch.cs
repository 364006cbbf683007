using System.Globalization;
using System.Text;
using AlliancePositions.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace AlliancePositions.Core.Statements.Search;

/// <summary>
/// Full-text search on PostgreSQL: <c>Statements.SearchVector</c> is a stored generated <c>tsvector</c> of
/// <c>SearchText</c> under the <c>statement_search</c> configuration (the <c>simple</c> dictionary after
/// <c>unaccent</c>: case and diacritics folded, nothing stemmed, as SQLite's unicode61 tokenizer with
/// remove_diacritics), created in the PostgreSQL <c>AddStatementSearch</c> migration and indexed with GIN beside the actor
/// id (<c>StatementsActorTextIndex</c>), so an actor's matches are one index read.
/// </summary>
internal sealed class PostgresStatementTextSearch : IStatementTextSearch
{
    public IQueryable<Statement> Matching(AppDbContext db, string text)
    {
        var query = ToTsQuery(text);
        if (query is null) return db.Statements.Where(_ => false);
        // The match on the statements themselves, not on a list of their ids: PostgreSQL pulls this subquery up into the
        // filter's and reads the actor's matches from the actor-and-text index, or ANDs the text's with the date's
        // index (where joining the ids of every match took 150-240 ms at 1M).
        return db.Statements.FromSql(
            $"SELECT * FROM \"Statements\" WHERE \"SearchVector\" @@ to_tsquery('statement_search', {query})");
    }

    /// <summary>
    /// User text becomes lexemes, never tsquery syntax. As FTS5 reads a quoted word, a word is split into its runs of
    /// letters and digits, which must follow one another (<c>&lt;-&gt;</c>); every word must match (<c>&amp;</c>); and
    /// the last run matches as a prefix (<c>:*</c>), as people type. Null when the text has no letters or digits.
    /// </summary>
    internal static string? ToTsQuery(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(Tokens).Where(tokens => tokens.Count > 0).ToList();
        if (words.Count == 0) return null;
        words[^1][^1] += ":*";
        return string.Join(" & ", words.Select(tokens => tokens.Count == 1 ? tokens[0] : "(" + string.Join(" <-> ", tokens) + ")"));
    }

    private static List<string> Tokens(string word)
    {
        var tokens = new List<string>();
        var token = new StringBuilder();
        foreach (var c in word)
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Surrogate)
            {
                token.Append(c);
                continue;
            }
            Flush();
        }
        Flush();
        return tokens;

        // Quoted so that no character of the user's can be read as tsquery syntax; runs hold no quotes to escape.
        void Flush()
        {
            if (token.Length > 0) tokens.Add("'" + token + "'");
            token.Clear();
        }
    }
}
