using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddWorkflowEntryPoints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WorkflowEntryPoints",
                columns: table => new
                {
                    DefinitionId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Intake = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowEntryPoints", x => x.DefinitionId);
                });

            migrationBuilder.InsertData(
                table: "WorkflowEntryPoints",
                columns: new[] { "DefinitionId", "ChangedAt", "ChangedBy", "Intake" },
                values: new object[] { "case-lifecycle", 639319392000000000L, "system", "Case" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowEntryPoints");
        }
    }
}
