using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EmergencyNumberTexts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EmergencyNumberTexts",
                columns: table => new
                {
                    EmergencyNumberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 35, nullable: false),
                    Field = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EmergencyNumberTexts", x => new { x.EmergencyNumberId, x.Language, x.Field });
                    table.ForeignKey(
                        name: "FK_EmergencyNumberTexts_EmergencyNumbers_EmergencyNumberId",
                        column: x => x.EmergencyNumberId,
                        principalTable: "EmergencyNumbers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EmergencyNumberTexts");
        }
    }
}
