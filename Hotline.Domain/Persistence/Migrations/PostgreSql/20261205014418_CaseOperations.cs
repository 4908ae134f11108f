using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseOperations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Cases registered before: no merged callers (an empty JSON list, which the column's conversion reads).
            migrationBuilder.AddColumn<int>(
                name: "ComplexWorkingDays",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsComplex",
                table: "Cases",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "MergedCallers",
                table: "Cases",
                type: "text",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoCaseId",
                table: "Cases",
                type: "uuid",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComplexWorkingDays",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsComplex",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MergedCallers",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoCaseId",
                table: "Cases");
        }
    }
}
