using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlliancePositions.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatementsActorTimelineIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_Actor_Date",
                table: "Statements");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Actor_Date_Key",
                table: "Statements",
                columns: new[] { "ActorId", "Date", "Key", "DeletedAt", "KnownFrom" },
                descending: new[] { false, true, false, false, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Statements_Actor_Date_Key",
                table: "Statements");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_Actor_Date",
                table: "Statements",
                columns: new[] { "ActorId", "Date" });
        }
    }
}
