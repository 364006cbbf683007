using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlliancePositions.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddStatementSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Statements",
                type: "TEXT",
                maxLength: 100000,
                nullable: false,
                defaultValue: "");

            // SQLite FTS5 external-content index over Statements.SearchText (the seam: Statements/Search). Triggers
            // keep it in step with every write path, the loader, the services and bulk inserts alike.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE StatementSearch USING fts5(SearchText, content='Statements', content_rowid='Id', tokenize='unicode61 remove_diacritics 2');
                CREATE TRIGGER StatementSearch_Insert AFTER INSERT ON Statements BEGIN
                    INSERT INTO StatementSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                CREATE TRIGGER StatementSearch_Delete AFTER DELETE ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                END;
                CREATE TRIGGER StatementSearch_Update AFTER UPDATE OF SearchText ON Statements BEGIN
                    INSERT INTO StatementSearch(StatementSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                    INSERT INTO StatementSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                INSERT INTO StatementSearch(StatementSearch) VALUES ('rebuild');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER StatementSearch_Update;
                DROP TRIGGER StatementSearch_Delete;
                DROP TRIGGER StatementSearch_Insert;
                DROP TABLE StatementSearch;
                """);
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Statements");
        }
    }
}
