using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseStatusListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DistrictCode_Status_CreatedAt_Id",
                table: "Cases",
                columns: new[] { "DistrictCode", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt_Id",
                table: "Cases",
                columns: new[] { "LeadUnitCode", "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_CreatedAt_Id",
                table: "Cases",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubjectCode_CreatedAt_Id",
                table: "Cases",
                columns: new[] { "SubjectCode", "CreatedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_DistrictCode_Status_CreatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_CreatedAt_Id",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SubjectCode_CreatedAt_Id",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadUnitCode_Status_CreatedAt",
                table: "Cases",
                columns: new[] { "LeadUnitCode", "Status", "CreatedAt" });
        }
    }
}
