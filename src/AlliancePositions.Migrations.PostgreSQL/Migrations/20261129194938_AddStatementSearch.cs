using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlliancePositions.Migrations.PostgreSQL.Migrations
{
    /// <summary>
    /// Full-text search over Statements.SearchText (the seam: Core/Statements/Search), written by hand as SQLite's FTS5
    /// table is: the column is not in the model, so regenerating the model's migrations leaves it alone. A stored
    /// generated column needs no trigger and is kept in step by every write path, COPY included.
    /// </summary>
    public partial class AddStatementSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // "simple" after "unaccent": case and diacritics folded, no stemming and no stop words, as SQLite's
            // unicode61 tokenizer with remove_diacritics 2. unaccent is a trusted extension: a database owner may add it.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent;
                CREATE TEXT SEARCH CONFIGURATION statement_search (COPY = simple);
                ALTER TEXT SEARCH CONFIGURATION statement_search
                    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH unaccent, simple;
                ALTER TABLE "Statements" ADD COLUMN "SearchVector" tsvector
                    GENERATED ALWAYS AS (to_tsvector('statement_search'::regconfig, "SearchText")) STORED;
                CREATE INDEX "IX_Statements_SearchVector" ON "Statements" USING GIN ("SearchVector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX "IX_Statements_SearchVector";
                ALTER TABLE "Statements" DROP COLUMN "SearchVector";
                DROP TEXT SEARCH CONFIGURATION statement_search;
                """);
        }
    }
}
