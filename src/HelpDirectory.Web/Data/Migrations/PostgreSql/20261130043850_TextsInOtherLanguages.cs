using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDirectory.Web.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TextsInOtherLanguages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CrisisLineTexts",
                columns: table => new
                {
                    CrisisLineId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisLineTexts", x => new { x.CrisisLineId, x.Language, x.Field });
                    table.ForeignKey(
                        name: "FK_CrisisLineTexts_CrisisLines_CrisisLineId",
                        column: x => x.CrisisLineId,
                        principalTable: "CrisisLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceTexts",
                columns: table => new
                {
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(35)", maxLength: 35, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceTexts", x => new { x.ServiceId, x.Language, x.Field });
                    table.ForeignKey(
                        name: "FK_ServiceTexts_Services_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "Services",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrisisLineTexts");

            migrationBuilder.DropTable(
                name: "ServiceTexts");
        }
    }
}
