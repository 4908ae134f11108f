using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadUnitCode_Status",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_UnitCode_CreatedAt",
                table: "InboxTasks",
                columns: new[] { "UnitCode", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt",
                table: "Cases",
                columns: new[] { "LeadUnitCode", "Status", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTasks_UnitCode_CreatedAt",
                table: "InboxTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadUnitCode_Status",
                table: "Cases",
                columns: new[] { "LeadUnitCode", "Status" });
        }
    }
}
