using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChineseSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseSearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ContentTerms = table.Column<string>(type: "TEXT", nullable: false),
                    AddressTerms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseSearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseSearchEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeSearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ArticleId = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    QuestionTerms = table.Column<string>(type: "TEXT", nullable: false),
                    AnswerTerms = table.Column<string>(type: "TEXT", nullable: false),
                    KeywordTerms = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeSearchEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeSearchEntries_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseSearchEntries_CaseId",
                table: "CaseSearchEntries",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeSearchEntries_ArticleId",
                table: "KnowledgeSearchEntries",
                column: "ArticleId",
                unique: true);

            // The full-text indexes: FTS5 tables over the entries' words (external content: the words are stored once,
            // in the entries), kept in step by triggers as SQLite's documentation shows. unicode61 splits on the spaces
            // the application put between jieba's words. Rows are referred to by the entries' INTEGER PRIMARY KEY, which
            // VACUUM keeps (an implicit rowid it may renumber). A later migration that rebuilds an entries table must
            // create its triggers again.
            foreach (var sql in FullTextIndex("CaseSearchEntries", "CaseSearchFts", "ContentTerms", "AddressTerms"))
                migrationBuilder.Sql(sql);
            foreach (var sql in FullTextIndex("KnowledgeSearchEntries", "KnowledgeSearchFts", "TitleTerms", "QuestionTerms", "AnswerTerms", "KeywordTerms"))
                migrationBuilder.Sql(sql);
        }

        private static IEnumerable<string> FullTextIndex(string entries, string fts, params string[] columns)
        {
            var names = string.Join(", ", columns.Select(c => $"\"{c}\""));
            string Values(string row) => string.Join(", ", columns.Select(c => $"{row}.\"{c}\""));
            yield return $"CREATE VIRTUAL TABLE \"{fts}\" USING fts5({names}, content='{entries}', content_rowid='Id', tokenize='unicode61');";
            yield return $"""
                CREATE TRIGGER "{entries}_ai" AFTER INSERT ON "{entries}" BEGIN
                  INSERT INTO "{fts}"(rowid, {names}) VALUES (new."Id", {Values("new")});
                END;
                """;
            yield return $"""
                CREATE TRIGGER "{entries}_ad" AFTER DELETE ON "{entries}" BEGIN
                  INSERT INTO "{fts}"("{fts}", rowid, {names}) VALUES ('delete', old."Id", {Values("old")});
                END;
                """;
            yield return $"""
                CREATE TRIGGER "{entries}_au" AFTER UPDATE ON "{entries}" BEGIN
                  INSERT INTO "{fts}"("{fts}", rowid, {names}) VALUES ('delete', old."Id", {Values("old")});
                  INSERT INTO "{fts}"(rowid, {names}) VALUES (new."Id", {Values("new")});
                END;
                """;
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Dropping the entries tables drops their triggers.
            migrationBuilder.Sql("DROP TABLE \"CaseSearchFts\";");
            migrationBuilder.Sql("DROP TABLE \"KnowledgeSearchFts\";");

            migrationBuilder.DropTable(
                name: "CaseSearchEntries");

            migrationBuilder.DropTable(
                name: "KnowledgeSearchEntries");
        }
    }
}
