using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AlliancePositions.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CodersOneUserEach : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A race before this index could have given one user two coders: the oldest keeps the account link, the
            // others stay as plain coders with their codings, so no coding is lost or merged into another's.
            migrationBuilder.Sql(
                "UPDATE \"Coders\" SET \"UserId\" = NULL WHERE \"UserId\" IS NOT NULL AND \"Id\" NOT IN " +
                "(SELECT MIN(\"Id\") FROM \"Coders\" WHERE \"UserId\" IS NOT NULL GROUP BY \"UserId\");");
            migrationBuilder.CreateIndex(
                name: "IX_Coders_UserId",
                table: "Coders",
                column: "UserId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Coders_UserId",
                table: "Coders");
        }
    }
}
