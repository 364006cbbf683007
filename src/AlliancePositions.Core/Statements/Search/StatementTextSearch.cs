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
    /// <summary>The table whose rows the FTS5 index holds.</summary>
    internal const string IndexedTable = "Statements";

    /// <summary>
    /// Loads rows into <see cref="IndexedTable"/> and indexes them once at the end instead of row by row, when the
    /// table is empty (a corpus imported into a new database): the insert trigger is set aside for the load and the
    /// index rebuilt from the table, which then holds exactly the loaded rows. FTS5 merges what a trigger adds at each
    /// statement's end, so 100k statements loaded 64 to an INSERT spent most of their time there. Into a table that
    /// holds rows, <paramref name="load"/> runs with the trigger, as a rebuild would reindex what was already there.
    /// <paramref name="run"/> runs SQL in the load's transaction, which also undoes the trigger's removal if the load fails.
    /// </summary>
    internal static void LoadIndexingAfter(Func<string, object?> run, Action load)
    {
        if (run($"SELECT EXISTS (SELECT 1 FROM \"{IndexedTable}\")") is 1L)
        {
            load();
            return;
        }
        var trigger = (string)run("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'StatementSearch_Insert'")!;
        run("DROP TRIGGER StatementSearch_Insert");
        load();
        run("INSERT INTO StatementSearch(StatementSearch) VALUES ('rebuild')");
        run(trigger);
    }

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
