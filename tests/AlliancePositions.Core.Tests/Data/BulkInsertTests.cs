using AlliancePositions.Core.Actors;
using AlliancePositions.Core.Countries;
using AlliancePositions.Core.Data;
using AlliancePositions.Core.Dates;
using AlliancePositions.Core.Meetings;
using AlliancePositions.Core.Questions;
using AlliancePositions.Core.Sources;
using AlliancePositions.Core.Stances;
using AlliancePositions.Core.Statements;
using AlliancePositions.Core.Statements.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace AlliancePositions.Core.Tests.Data;

public class BulkInsertTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Tables =
    [
        "Topics", "Questions", "Countries", "Blocs", "BlocMemberships", "Outlets", "Coders", "Actors", "RoleTenures", "Documents", "DocumentCitations",
        "Annotations", "Meetings", "MeetingParticipants", "MeetingTopics", "MeetingReports", "Statements", "StatementTopics", "StatementEvidence",
        "Codings", "StatementRelations", "StatementSearch", "AuditEntries",
    ];

    // Each test runs on the suite's provider (the SQLite bulk insert, or PostgreSQL's COPY), except the page-cache one.

    [Fact]
    public async Task It_writes_the_rows_SaveChanges_writes_for_the_same_records()
    {
        await using var tracked = await TestDatabase.CreateAsync();
        await using (var db = Context(tracked))
        {
            foreach (var batch in new Graph().InsertOrder) db.AddRange(batch);
            await db.SaveChangesAsync(Ct);
        }
        await using var bulk = await TestDatabase.CreateAsync();
        await using (var db = Context(bulk))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            using (var rows = BulkInsert.For(db))
                foreach (var batch in new Graph().InsertOrder) Insert(rows, batch);
            await transaction.CommitAsync(Ct);
        }

        foreach (var table in Tables)
            Assert.Equal(await RowsAsync(tracked, table), await RowsAsync(bulk, table));
        Assert.NotEmpty(await RowsAsync(bulk, "StatementEvidence"));
        Assert.NotEmpty(await RowsAsync(bulk, "MeetingParticipants"));
    }

    [Fact]
    public async Task New_keys_follow_the_largest_the_table_ever_had()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Context(database);
        db.Coders.AddRange(new Coder { Key = "first", DisplayName = "First" }, new Coder { Key = "second", DisplayName = "Second" });
        await db.SaveChangesAsync(Ct);
        // A hard-deleted row's key is not handed out again, as SQLite's AUTOINCREMENT and PostgreSQL's sequence would not.
        await db.Database.ExecuteSqlRawAsync("""DELETE FROM "Coders" WHERE "Key" = 'second'""", Ct);

        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var third = new Coder { Key = "third", DisplayName = "Third" };
        using (var rows = BulkInsert.For(db)) rows.Insert([third], Ct);
        await transaction.CommitAsync(Ct);

        Assert.Equal(3, third.Id);
        Assert.Equal(3, await db.Coders.Where(c => c.Key == "third").Select(c => c.Id).SingleAsync(Ct));
        // A record saved afterwards gets the next key: the bulk insert took its keys where SaveChanges takes them.
        db.Coders.Add(new Coder { Key = "fourth", DisplayName = "Fourth" });
        await db.SaveChangesAsync(Ct);
        Assert.Equal(4, await db.Coders.Where(c => c.Key == "fourth").Select(c => c.Id).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_larger_page_cache_of_a_load_is_not_left_on_the_pooled_connection()
    {
        // SQLite only by design: the page cache is a SQLite pragma the SQLite bulk insert raises for a load.
        await using var database = await TestDatabase.CreateSqliteAsync();
        await using var db = Context(database);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var cacheSize = await db.Database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size").SingleAsync(Ct);
        using (var rows = BulkInsert.For(db)) rows.Insert([new Coder { Key = "first", DisplayName = "First" }], Ct);
        await transaction.CommitAsync(Ct);
        Assert.Equal(cacheSize, await db.Database.SqlQueryRaw<long>("SELECT cache_size AS Value FROM pragma_cache_size").SingleAsync(Ct));
    }

    [Fact]
    public async Task A_first_load_leaves_every_index_and_foreign_key_as_the_schema_defines_it()
    {
        // The load into empty tables sets their indexes (and on PostgreSQL their foreign keys) aside and makes them again.
        await using var database = await TestDatabase.CreateAsync();
        var before = await SchemaAsync(database);
        await using (var db = Context(database))
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using (var rows = BulkInsert.For(db))
                foreach (var batch in new Graph().InsertOrder) Insert(rows, batch);
            await transaction.CommitAsync(Ct);
        }
        Assert.Equal(before, await SchemaAsync(database));
        Assert.Contains(before, d => d.Contains("IX_Statements_Key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_first_load_that_breaks_a_unique_index_fails_and_leaves_the_tables_as_they_were()
    {
        await using var database = await TestDatabase.CreateAsync();
        var before = await SchemaAsync(database);
        var graph = new Graph().InsertOrder;
        await using (var db = Context(database))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            using var rows = BulkInsert.For(db);
            foreach (var batch in graph.TakeWhile(b => b[0] is not Statement)) Insert(rows, batch);
            var statements = graph.Single(b => b[0] is Statement).Cast<Statement>().ToList();
            statements[1].Key = statements[0].Key;
            Assert.ThrowsAny<System.Data.Common.DbException>(() => rows.Insert(statements, Ct));
        }
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(0, await db.Statements.IgnoreQueryFilters().CountAsync(Ct));
            Assert.Equal(0, await db.Actors.IgnoreQueryFilters().CountAsync(Ct));
        }
        Assert.Equal(before, await SchemaAsync(database));
    }

    /// <summary>Every index and foreign key of the database, as the catalogue defines it.</summary>
    private static async Task<List<string>> SchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        var sql = database.Provider == DatabaseProvider.Sqlite
            ? "SELECT type || ' ' || name || ': ' || COALESCE(sql, '') AS \"Value\" FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"
            : """
              SELECT indexdef AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL
              SELECT conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
              ORDER BY 1
              """;
        return await db.Database.SqlQueryRaw<string>(sql).ToListAsync(Ct);
    }

    [Fact]
    public async Task Statements_loaded_into_an_empty_table_are_indexed_at_the_end_and_later_ones_by_the_trigger_again()
    {
        // SQLite only by design: the FTS5 index is kept by a trigger the SQLite bulk insert sets aside for a first load.
        await using var database = await TestDatabase.CreateSqliteAsync();
        await using var db = Context(database);
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using (var rows = BulkInsert.For(db))
                foreach (var batch in new Graph().InsertOrder) Insert(rows, batch);
            await transaction.CommitAsync(Ct);
        }
        Assert.Equal(["instructors", "no-troops"], await MatchingAsync(db, "troops"));
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name = 'StatementSearch_Insert'").SingleAsync(Ct));

        // Saved one by one: the trigger indexes it.
        var actor = await db.Actors.FirstAsync(Ct);
        db.Statements.Add(Said("saved", actor, "Troops saved later"));
        await db.SaveChangesAsync(Ct);
        // Loaded into a table that holds statements: indexed by the trigger too, and what was indexed stays.
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using (var rows = BulkInsert.For(db)) rows.Insert([Said("loaded", actor, "Troops loaded later")], Ct);
            await transaction.CommitAsync(Ct);
        }
        Assert.Equal(["instructors", "loaded", "no-troops", "saved"], await MatchingAsync(db, "troops"));
        Assert.Equal(["loaded"], await MatchingAsync(db, "loaded"));
    }

    [Fact]
    public async Task A_first_load_that_fails_leaves_the_search_trigger_and_no_index_entries()
    {
        // SQLite only by design, as above.
        await using var database = await TestDatabase.CreateSqliteAsync();
        await using var db = Context(database);
        var graph = new Graph().InsertOrder;
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            using var rows = BulkInsert.For(db);
            foreach (var batch in graph.TakeWhile(b => b[0] is not Statement)) Insert(rows, batch);
            var statements = graph.Single(b => b[0] is Statement).Cast<Statement>().ToList();
            statements[1].Key = statements[0].Key; // the unique key fails the second row, after the first went in
            Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => rows.Insert(statements, Ct));
        }
        Assert.Equal(0, await db.Statements.IgnoreQueryFilters().CountAsync(Ct));
        Assert.Equal(1, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'trigger' AND name = 'StatementSearch_Insert'").SingleAsync(Ct));
        Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS Value FROM StatementSearch WHERE StatementSearch MATCH 'troops'").SingleAsync(Ct));
    }

    private static Statement Said(string key, Actor actor, string summary)
    {
        var statement = new Statement
        {
            Key = key, ActorId = actor.Id, Kind = StatementKind.Quote, Date = new DateOnly(2024, 5, 1), DatePrecision = DatePrecision.Day, Summary = summary,
        };
        statement.SummariseEvidence();
        return statement;
    }

    private static Task<List<string>> MatchingAsync(AppDbContext db, string word) =>
        StatementTextSearch.For(DatabaseProvider.Sqlite).Matching(db, word).OrderBy(s => s.Key).Select(s => s.Key).ToListAsync(Ct);

    [Fact]
    public async Task It_refuses_to_write_outside_a_transaction_or_for_an_audited_change()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = Context(database);
        Assert.Throws<InvalidOperationException>(() => BulkInsert.For(db));
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        db.AuditChanges = true;
        Assert.Throws<InvalidOperationException>(() => BulkInsert.For(db));
    }

    private static void Insert(IBulkInsert rows, object[] batch)
    {
        // The records of one batch share a type; the generic call needs it at compile time.
        switch (batch[0])
        {
            case Topic: rows.Insert(batch.Cast<Topic>().ToList(), Ct); break;
            case Question: rows.Insert(batch.Cast<Question>().ToList(), Ct); break;
            case Country: rows.Insert(batch.Cast<Country>().ToList(), Ct); break;
            case Bloc: rows.Insert(batch.Cast<Bloc>().ToList(), Ct); break;
            case BlocMembership: rows.Insert(batch.Cast<BlocMembership>().ToList(), Ct); break;
            case Outlet: rows.Insert(batch.Cast<Outlet>().ToList(), Ct); break;
            case Coder: rows.Insert(batch.Cast<Coder>().ToList(), Ct); break;
            case Actor: rows.Insert(batch.Cast<Actor>().ToList(), Ct); break;
            case RoleTenure: rows.Insert(batch.Cast<RoleTenure>().ToList(), Ct); break;
            case Document: rows.Insert(batch.Cast<Document>().ToList(), Ct); break;
            case Annotation: rows.Insert(batch.Cast<Annotation>().ToList(), Ct); break;
            case Meeting: rows.Insert(batch.Cast<Meeting>().ToList(), Ct); break;
            case Statement: rows.Insert(batch.Cast<Statement>().ToList(), Ct); break;
            case Coding: rows.Insert(batch.Cast<Coding>().ToList(), Ct); break;
            case StatementRelation: rows.Insert(batch.Cast<StatementRelation>().ToList(), Ct); break;
            default: throw new InvalidOperationException(batch[0].GetType().Name);
        }
    }

    private static AppDbContext Context(TestDatabase database)
    {
        var db = database.CreateDbContext();
        db.ChangedBy = "corpus";
        // PostgreSQL keeps instants (timestamptz, written in UTC); SQLite keeps the offset too.
        db.Clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, database.Provider == DatabaseProvider.Sqlite ? TimeSpan.FromHours(1) : TimeSpan.Zero));
        return db;
    }

    private static async Task<List<string>> RowsAsync(TestDatabase database, string table)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        // The full-text index is compared by what it finds for each row, which is what its triggers (SQLite) or its
        // generated column (PostgreSQL) must keep right.
        command.CommandText = (table, database.Provider) switch
        {
            ("StatementSearch", DatabaseProvider.Sqlite) =>
                "SELECT s.Id, (SELECT COUNT(*) FROM StatementSearch WHERE StatementSearch MATCH '\"troops\"' AND rowid = s.Id) FROM Statements s ORDER BY s.Id",
            ("StatementSearch", _) =>
                "SELECT \"Id\", \"SearchVector\" @@ to_tsquery('statement_search', 'troops') FROM \"Statements\" ORDER BY \"Id\"",
            (_, DatabaseProvider.Sqlite) => $"SELECT * FROM \"{table}\" ORDER BY rowid",
            _ => $"SELECT * FROM \"{table}\"",
        };
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)} ({reader.GetFieldType(i).Name})")));
        // Rows compare as a set: the order a join table's links went in is not part of what was written.
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    /// <summary>A small corpus touching every kind of row the corpus loader writes, built the same way for both paths.</summary>
    private sealed class Graph
    {
        public Graph()
        {
            var security = new Topic { Slug = "security", Name = "Security" };
            var deployment = new Topic { Slug = "deployment", Name = "Deployment", Parent = security };
            var question = new Question { Slug = "send-troops", Title = "Send troops?", Topic = deployment, MinusTwoMeans = "Never", PlusTwoMeans = "Now" };
            var netherlands = new Country { Code = "NL", Name = "Netherlands", LeadingOffice = OfficeKind.HeadOfGovernment, LeadingOfficeTitle = "Prime Minister" };
            var bloc = new Bloc { Slug = "test-bloc", Name = "Test bloc" };
            var membership = new BlocMembership { Bloc = bloc, Country = netherlands, From = new DateOnly(1949, 4, 4) };
            bloc.Members.Add(membership);
            var daily = new Outlet { Slug = "daily", Name = "Daily", Reliability = SourceGrade.C };
            var wire = new Outlet { Slug = "wire", Name = "Wire", Reliability = SourceGrade.A };
            var coder = new Coder { Key = "analyst", DisplayName = "Analyst" };
            var minister = new Actor { Slug = "jan", Name = "Jan", Kind = ActorKind.Person, CountryCode = "NL", Aliases = ["the minister", "Jan M."] };
            var role = new RoleTenure { Actor = minister, Office = "Minister", OfficeKind = OfficeKind.DefenceMinister, CountryCode = "NL", From = new DateOnly(2020, 1, 1) };
            minister.Roles.Add(role);
            var other = new Actor { Slug = "piet", Name = "Piet", Kind = ActorKind.Unnamed, Note = "an official" };
            const string text = "The minister said: \"We will send instructors, not combat troops.\" Later: \"no troops\".";
            var document = new Document
            {
                Key = DocumentText.KeyOf(DocumentText.Sha256(text)), Title = "Report", Outlet = daily, Url = "https://example.org/r", PublishedOn = new DateOnly(2024, 3, 1),
                RetrievedOn = new DateOnly(2024, 3, 2), Language = "en", Text = text, Sha256 = DocumentText.Sha256(text),
                ReliabilityOverride = SourceGrade.B, ReliabilityReason = "transcript", CitedOutlets = [wire],
            };
            var first = new Annotation { Key = "q-one", Document = document, Start = 20, End = 64, Exact = text[20..64], Prefix = text[..20], Suffix = text[64..80], Tags = ["key"] };
            var second = new Annotation { Key = "q-two", Document = document, Start = 74, End = 83, Exact = text[74..83], Note = "later", Translation = "none" };
            document.Annotations.AddRange([first, second]);
            var meeting = new Meeting
            {
                Key = "talks", Kind = MeetingKind.Bilateral, Title = "Talks", Date = new DateOnly(2024, 2, 1), DatePrecision = DatePrecision.Month,
                Place = "The Hague", Participants = [minister, other], Topics = [deployment], ReportedIn = [document],
            };
            var said = new Statement
            {
                Key = "instructors", Actor = minister, Kind = StatementKind.Quote, Date = new DateOnly(2024, 2, 20), DatePrecision = DatePrecision.Day,
                Summary = "Instructors, not troops", Credibility = Credibility.Probable, Meeting = meeting, Topics = [deployment, security], Evidence = [first, second],
            };
            said.Codings.Add(new Coding { Question = question, Coder = coder, Position = -1, Qualifier = "training only" });
            var reported = new Statement
            {
                Key = "no-troops", Actor = other, Kind = StatementKind.Reported, Date = new DateOnly(2024, 1, 1), DatePrecision = DatePrecision.Year,
                Summary = "No troops", Evidence = [second],
            };
            reported.Codings.Add(new Coding { Question = question, Coder = coder, Position = -2 });
            reported.Relations.Add(new StatementRelation { FromStatement = reported, Type = RelationType.Clarifies, ToStatement = said });
            said.SummariseEvidence();
            reported.SummariseEvidence();
            InsertOrder =
            [
                [security, deployment], [question], [netherlands], [bloc], [membership], [daily, wire], [coder], [minister, other], [role], [document],
                [first, second], [meeting], [said, reported], [.. said.Codings, .. reported.Codings], [.. reported.Relations],
            ];
        }

        /// <summary>Records by table, each after what it refers to.</summary>
        public object[][] InsertOrder { get; }
    }
}
