using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PublishedInSlugOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Services_Status_Slug",
                table: "Services",
                columns: new[] { "Status", "Slug" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Services_Status_Slug",
                table: "Services");
        }
    }
}
