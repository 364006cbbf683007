using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlliancePositions.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatementsKindAndGradeIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Statements_Credibility_Date",
                table: "Statements",
                columns: new[] { "Credibility", "Date", "Key" },
                descending: new[] { false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Kind_Date",
                table: "Statements",
                columns: new[] { "Kind", "Date", "Key" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_Credibility_Date",
                table: "Statements");

            migrationBuilder.DropIndex(
                name: "IX_Statements_Kind_Date",
                table: "Statements");
        }
    }
}
