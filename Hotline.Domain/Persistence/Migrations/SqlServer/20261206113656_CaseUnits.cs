using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.SqlServer
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
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UnitCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_BIN2"),
                    CaseCreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
                CREATE TRIGGER [Cases_case_units] ON [Cases] AFTER INSERT, UPDATE AS
                BEGIN
                    SET NOCOUNT ON;
                    IF UPDATE([LeadUnitCode])
                        INSERT INTO [CaseUnits] ([CaseId], [UnitCode], [CaseCreatedAt])
                        SELECT i.[Id], i.[LeadUnitCode], i.[CreatedAt] FROM inserted i
                        WHERE i.[LeadUnitCode] IS NOT NULL AND i.[LeadUnitCode] <> ''
                          AND NOT EXISTS (SELECT 1 FROM [CaseUnits] m WHERE m.[CaseId] = i.[Id] AND m.[UnitCode] = i.[LeadUnitCode]);
                END
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER [InboxTasks_case_units] ON [InboxTasks] AFTER INSERT AS
                BEGIN
                    SET NOCOUNT ON;
                    INSERT INTO [CaseUnits] ([CaseId], [UnitCode], [CaseCreatedAt])
                    SELECT DISTINCT i.[CaseId], i.[UnitCode], c.[CreatedAt] FROM inserted i INNER JOIN [Cases] c ON c.[Id] = i.[CaseId]
                    WHERE i.[UnitCode] IS NOT NULL AND i.[UnitCode] <> ''
                      AND NOT EXISTS (SELECT 1 FROM [CaseUnits] m WHERE m.[CaseId] = i.[CaseId] AND m.[UnitCode] = i.[UnitCode]);
                END
                """);
            migrationBuilder.Sql("""
                INSERT INTO [CaseUnits] ([CaseId], [UnitCode], [CaseCreatedAt])
                SELECT Id, LeadUnitCode, CreatedAt FROM Cases WHERE LeadUnitCode IS NOT NULL AND LeadUnitCode <> ''
                UNION
                SELECT t.CaseId, t.UnitCode, c.CreatedAt FROM InboxTasks t INNER JOIN Cases c ON c.Id = t.CaseId
                WHERE t.UnitCode IS NOT NULL AND t.UnitCode <> '';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [InboxTasks_case_units];");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS [Cases_case_units];");

            migrationBuilder.DropTable(
                name: "CaseUnits");
        }
    }
}
