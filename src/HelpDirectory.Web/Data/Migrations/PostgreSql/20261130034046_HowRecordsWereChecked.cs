using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class HowRecordsWereChecked : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CheckMethod",
                table: "Services",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "CheckMethod",
                table: "CrisisLines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "CheckedBy",
                table: "CrisisLines",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CheckMethod",
                table: "Services");

            migrationBuilder.DropColumn(
                name: "CheckMethod",
                table: "CrisisLines");

            migrationBuilder.DropColumn(
                name: "CheckedBy",
                table: "CrisisLines");
        }
    }
}
