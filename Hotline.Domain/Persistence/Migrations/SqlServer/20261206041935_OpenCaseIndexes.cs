using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OpenCaseIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open_DeadlineAt",
                table: "Cases",
                column: "DeadlineAt",
                filter: "\"Status\" IN ('Registered', 'Dispatched', 'Handling', 'AwaitingReview', 'Replied', 'AwaitingCallback')");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open_EscalationLevel_DeadlineAt",
                table: "Cases",
                columns: new[] { "EscalationLevel", "DeadlineAt" },
                filter: "\"Status\" IN ('Registered', 'Dispatched', 'Handling', 'AwaitingReview', 'Replied', 'AwaitingCallback')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Open_DeadlineAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Open_EscalationLevel_DeadlineAt",
                table: "Cases");
        }
    }
}
