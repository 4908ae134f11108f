using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
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
                    DefinitionId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Intake = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ChangedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowEntryPoints", x => x.DefinitionId);
                });

            migrationBuilder.InsertData(
                table: "WorkflowEntryPoints",
                columns: new[] { "DefinitionId", "ChangedAt", "ChangedBy", "Intake" },
                values: new object[] { "case-lifecycle", new DateTimeOffset(new DateTime(2026, 12, 4, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)), "system", "Case" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowEntryPoints");
        }
    }
}
