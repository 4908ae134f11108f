using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ContentTerms = table.Column<string>(type: "text", nullable: false),
                    AddressTerms = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ArticleId = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TitleTerms = table.Column<string>(type: "text", nullable: false),
                    QuestionTerms = table.Column<string>(type: "text", nullable: false),
                    AnswerTerms = table.Column<string>(type: "text", nullable: false),
                    KeywordTerms = table.Column<string>(type: "text", nullable: false)
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

            // The full-text indexes: a tsvector generated from the entries' words with the 'simple' configuration (it
            // lowercases and splits on the spaces the application put between jieba's words; no stemming or stop words,
            // which are for European languages), under a GIN index. Title and keywords are labelled A, the question B,
            // the answer D, for ts_rank's weights.
            migrationBuilder.Sql("""
                ALTER TABLE "CaseSearchEntries" ADD COLUMN "Document" tsvector
                  GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "ContentTerms" || ' ' || "AddressTerms")) STORED;
                CREATE INDEX "IX_CaseSearchEntries_Document" ON "CaseSearchEntries" USING GIN ("Document");
                """);
            migrationBuilder.Sql("""
                ALTER TABLE "KnowledgeSearchEntries" ADD COLUMN "Document" tsvector
                  GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple'::regconfig, "TitleTerms"), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, "KeywordTerms"), 'A') ||
                    setweight(to_tsvector('simple'::regconfig, "QuestionTerms"), 'B') ||
                    setweight(to_tsvector('simple'::regconfig, "AnswerTerms"), 'D')) STORED;
                CREATE INDEX "IX_KnowledgeSearchEntries_Document" ON "KnowledgeSearchEntries" USING GIN ("Document");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseSearchEntries");

            migrationBuilder.DropTable(
                name: "KnowledgeSearchEntries");
        }
    }
}
