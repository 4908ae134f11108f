using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OverdueNewestFirstIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Open_CreatedAt_Id_DeadlineAt",
                table: "Cases",
                columns: new[] { "CreatedAt", "Id", "DeadlineAt" },
                filter: "\"Status\" IN ('Registered', 'Dispatched', 'Handling', 'AwaitingReview', 'Replied', 'AwaitingCallback')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Open_CreatedAt_Id_DeadlineAt",
                table: "Cases");
        }
    }
}
