using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.Sqlite
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
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CaseCreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
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

            // The database keeps the rows: a case's lead unit when the case is inserted with one or its lead unit changes, a
            // task's unit when the task is inserted (for its case); a row already there is left alone. Then the rows of the
            // cases before this migration: each case's lead unit and every unit that had a task for it.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_case_units" AFTER INSERT ON "Cases"
                WHEN NEW."LeadUnitCode" IS NOT NULL AND NEW."LeadUnitCode" <> ''
                BEGIN
                    INSERT OR IGNORE INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt") VALUES (NEW."Id", NEW."LeadUnitCode", NEW."CreatedAt");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_case_units_lead" AFTER UPDATE OF "LeadUnitCode" ON "Cases"
                WHEN NEW."LeadUnitCode" IS NOT NULL AND NEW."LeadUnitCode" <> ''
                BEGIN
                    INSERT OR IGNORE INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt") VALUES (NEW."Id", NEW."LeadUnitCode", NEW."CreatedAt");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "InboxTasks_case_units" AFTER INSERT ON "InboxTasks"
                WHEN NEW."CaseId" IS NOT NULL AND NEW."UnitCode" IS NOT NULL AND NEW."UnitCode" <> ''
                BEGIN
                    INSERT OR IGNORE INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt")
                    SELECT c."Id", NEW."UnitCode", c."CreatedAt" FROM "Cases" c WHERE c."Id" = NEW."CaseId";
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt")
                SELECT "Id", "LeadUnitCode", "CreatedAt" FROM "Cases" WHERE "LeadUnitCode" IS NOT NULL AND "LeadUnitCode" <> ''
                UNION
                SELECT t."CaseId", t."UnitCode", c."CreatedAt" FROM "InboxTasks" t INNER JOIN "Cases" c ON c."Id" = t."CaseId"
                WHERE t."UnitCode" IS NOT NULL AND t."UnitCode" <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "InboxTasks_case_units";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_case_units_lead";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_case_units";""");

            migrationBuilder.DropTable(
                name: "CaseUnits");
        }
    }
}
