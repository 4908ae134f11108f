using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PendingInboxIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_Pending_UnitCode_DueAt",
                table: "InboxTasks",
                columns: new[] { "UnitCode", "DueAt", "TaskId" },
                filter: "\"Status\" IN ('Open', 'SignedFor')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_InboxTasks_Pending_UnitCode_DueAt",
                table: "InboxTasks");
        }
    }
}
