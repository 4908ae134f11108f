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

            // The database keeps the rows: a case's lead unit when the case is inserted with one or its lead unit changes, a
            // task's unit when the task is inserted (for its case); a row already there is left alone. Then the rows of the
            // cases before this migration: each case's lead unit and every unit that had a task for it.
            migrationBuilder.Sql("""
                CREATE FUNCTION "Cases_case_units"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt") VALUES (NEW."Id", NEW."LeadUnitCode", NEW."CreatedAt")
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Cases_case_units" AFTER INSERT OR UPDATE OF "LeadUnitCode" ON "Cases"
                FOR EACH ROW WHEN (NEW."LeadUnitCode" IS NOT NULL AND NEW."LeadUnitCode" <> '')
                EXECUTE FUNCTION "Cases_case_units"();
                """);
            migrationBuilder.Sql("""
                CREATE FUNCTION "InboxTasks_case_units"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "CaseUnits" ("CaseId", "UnitCode", "CaseCreatedAt")
                    SELECT c."Id", NEW."UnitCode", c."CreatedAt" FROM "Cases" c WHERE c."Id" = NEW."CaseId"
                    ON CONFLICT DO NOTHING;
                    RETURN NULL;
                END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "InboxTasks_case_units" AFTER INSERT ON "InboxTasks"
                FOR EACH ROW WHEN (NEW."CaseId" IS NOT NULL AND NEW."UnitCode" IS NOT NULL AND NEW."UnitCode" <> '')
                EXECUTE FUNCTION "InboxTasks_case_units"();
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
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "InboxTasks_case_units" ON "InboxTasks";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "Cases_case_units" ON "Cases";""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "InboxTasks_case_units"();""");
            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "Cases_case_units"();""");

            migrationBuilder.DropTable(
                name: "CaseUnits");
        }
    }
}
