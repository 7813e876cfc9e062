using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.PostgreSql
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
                    EmergencyNumberId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
