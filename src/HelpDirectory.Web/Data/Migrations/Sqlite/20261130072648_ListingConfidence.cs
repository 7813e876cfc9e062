using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingConfidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Confidence",
                table: "Services",
                type: "TEXT",
                nullable: false,
                defaultValue: "medium");

            // A listing confirmed with or reported by its organisation starts high; one read on a website (0) stays medium.
            migrationBuilder.Sql("UPDATE \"Services\" SET \"Confidence\" = 'high' WHERE \"CheckMethod\" <> 0;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Confidence",
                table: "Services");
        }
    }
}
