using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseUnits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseUnits",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseCreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseUnits", x => new { x.CaseId, x.UnitCode });
                    table.ForeignKey(
                        name: "FK_CaseUnits_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseUnits_UnitCode_CaseCreatedAt_CaseId",
                table: "CaseUnits",
                columns: new[] { "UnitCode", "CaseCreatedAt", "CaseId" });

            // The cases' units so far: each case's lead unit and every unit that had a task for it.
            migrationBuilder.Sql("INSERT INTO \"CaseUnits\" (\"CaseId\", \"UnitCode\", \"CaseCreatedAt\") SELECT \"Id\", \"LeadUnitCode\", \"CreatedAt\" FROM \"Cases\" WHERE \"LeadUnitCode\" IS NOT NULL AND \"LeadUnitCode\" <> '' UNION SELECT t.\"CaseId\", t.\"UnitCode\", c.\"CreatedAt\" FROM \"InboxTasks\" t INNER JOIN \"Cases\" c ON c.\"Id\" = t.\"CaseId\" WHERE t.\"UnitCode\" IS NOT NULL AND t.\"UnitCode\" <> '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseUnits");
        }
    }
}
