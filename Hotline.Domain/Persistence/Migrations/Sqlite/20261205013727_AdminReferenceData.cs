using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminReferenceData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Defaults for the rows already stored: version 1, every case type accepted (as before), articles published, standard response.
            migrationBuilder.AddColumn<string>(
                name: "CaseTypes",
                table: "Subjects",
                type: "TEXT",
                nullable: false,
                defaultValue: "[\"Consultation\",\"Help\",\"Complaint\",\"Report\",\"Suggestion\",\"Praise\"]");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Subjects",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "RoutingRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "Author",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reviewer",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "KnowledgeArticles",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Published");

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidFrom",
                table: "KnowledgeArticles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ValidTo",
                table: "KnowledgeArticles",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "KnowledgeArticles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<bool>(
                name: "IsOnDuty24h",
                table: "HandlingUnits",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ResponseLevel",
                table: "HandlingUnits",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "Standard");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "HandlingUnits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            // Articles deactivated before the review cycle existed are outdated answers: Expired, not Published.
            migrationBuilder.Sql("UPDATE \"KnowledgeArticles\" SET \"Status\" = 'Expired' WHERE NOT \"IsActive\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CaseTypes",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Subjects");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "RoutingRules");

            migrationBuilder.DropColumn(
                name: "Author",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "Reviewer",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ValidFrom",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "ValidTo",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "KnowledgeArticles");

            migrationBuilder.DropColumn(
                name: "IsOnDuty24h",
                table: "HandlingUnits");

            migrationBuilder.DropColumn(
                name: "ResponseLevel",
                table: "HandlingUnits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "HandlingUnits");
        }
    }
}
