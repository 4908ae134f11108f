using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hotline.Domain.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseNumberCounters",
                columns: table => new
                {
                    Day = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    LastNumber = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseNumberCounters", x => x.Day);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: false),
                    Channel = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    CitizenName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CitizenPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AddressKey = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Urgency = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Warning = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    EscalationLevel = table.Column<int>(type: "integer", nullable: false),
                    ReopenCount = table.Column<int>(type: "integer", nullable: false),
                    ExtensionPending = table.Column<bool>(type: "boolean", nullable: false),
                    LeadUnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    AssistingUnitCodes = table.Column<string>(type: "text", nullable: false),
                    DeadlineAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsDeadlineProvisional = table.Column<bool>(type: "boolean", nullable: false),
                    DeadlineRule = table.Column<string>(type: "text", nullable: true),
                    WorkflowInstanceId = table.Column<string>(type: "text", nullable: true),
                    LinkedCaseIds = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastEventSequence = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HandlingUnits",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HandlingUnits", x => x.Code);
                    table.ForeignKey(
                        name: "FK_HandlingUnits_HandlingUnits_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "HandlingUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeArticles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Question = table.Column<string>(type: "text", nullable: false),
                    Answer = table.Column<string>(type: "text", nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Subjects",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ParentCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    DefaultCaseType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Subjects", x => x.Code);
                    table.ForeignKey(
                        name: "FK_Subjects_Subjects_ParentCode",
                        column: x => x.ParentCode,
                        principalTable: "Subjects",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CaseEvents",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ActorKind = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Data = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseEvents", x => new { x.CaseId, x.Sequence });
                    table.ForeignKey(
                        name: "FK_CaseEvents_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InboxTasks",
                columns: table => new
                {
                    TaskId = table.Column<string>(type: "text", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: true),
                    UnitCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    TaskName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PossibleOutcomes = table.Column<string>(type: "text", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SignDueAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SignedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CompletedBy = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Result = table.Column<string>(type: "text", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: true),
                    WorkflowInstanceId = table.Column<string>(type: "text", nullable: false),
                    BookmarkId = table.Column<string>(type: "text", nullable: false),
                    CorrelationId = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxTasks", x => x.TaskId);
                    table.ForeignKey(
                        name: "FK_InboxTasks_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoutingRules",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SubjectCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DistrictCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    LeadUnitCode = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AssistingUnitCodes = table.Column<string>(type: "text", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoutingRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoutingRules_HandlingUnits_LeadUnitCode",
                        column: x => x.LeadUnitCode,
                        principalTable: "HandlingUnits",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoutingRules_Subjects_SubjectCode",
                        column: x => x.SubjectCode,
                        principalTable: "Subjects",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Kind_At",
                table: "CaseEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CitizenPhone_CreatedAt",
                table: "Cases",
                columns: new[] { "CitizenPhone", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadUnitCode_Status",
                table: "Cases",
                columns: new[] { "LeadUnitCode", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Number",
                table: "Cases",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SubjectCode_DistrictCode_AddressKey_CreatedAt",
                table: "Cases",
                columns: new[] { "SubjectCode", "DistrictCode", "AddressKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_WorkflowInstanceId",
                table: "Cases",
                column: "WorkflowInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_HandlingUnits_DistrictCode_Level",
                table: "HandlingUnits",
                columns: new[] { "DistrictCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_HandlingUnits_ParentCode",
                table: "HandlingUnits",
                column: "ParentCode");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_CaseId",
                table: "InboxTasks",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_UnitCode_Status_DueAt",
                table: "InboxTasks",
                columns: new[] { "UnitCode", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxTasks_WorkflowInstanceId",
                table: "InboxTasks",
                column: "WorkflowInstanceId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_SubjectCode_IsActive",
                table: "KnowledgeArticles",
                columns: new[] { "SubjectCode", "IsActive" });

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_LeadUnitCode",
                table: "RoutingRules",
                column: "LeadUnitCode");

            migrationBuilder.CreateIndex(
                name: "IX_RoutingRules_SubjectCode_DistrictCode",
                table: "RoutingRules",
                columns: new[] { "SubjectCode", "DistrictCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Subjects_ParentCode",
                table: "Subjects",
                column: "ParentCode");

            // The timeline is append-only (CaseEvent): the database refuses to change or remove an event, whatever the
            // client. TRUNCATE bypasses row triggers, so it is refused by a statement trigger.
            migrationBuilder.Sql("""
                CREATE FUNCTION "CaseEvents_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'CaseEvents is append-only: % refused', TG_OP USING ERRCODE = 'restrict_violation';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_no_update" BEFORE UPDATE ON "CaseEvents"
                FOR EACH ROW EXECUTE FUNCTION "CaseEvents_append_only"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_no_delete" BEFORE DELETE ON "CaseEvents"
                FOR EACH ROW EXECUTE FUNCTION "CaseEvents_append_only"();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseEvents_no_truncate" BEFORE TRUNCATE ON "CaseEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION "CaseEvents_append_only"();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_no_truncate" ON "CaseEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_no_delete" ON "CaseEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseEvents_no_update" ON "CaseEvents";""");

            migrationBuilder.DropTable(
                name: "CaseEvents");

            migrationBuilder.Sql("""DROP FUNCTION IF EXISTS "CaseEvents_append_only"();""");

            migrationBuilder.DropTable(
                name: "CaseNumberCounters");

            migrationBuilder.DropTable(
                name: "InboxTasks");

            migrationBuilder.DropTable(
                name: "KnowledgeArticles");

            migrationBuilder.DropTable(
                name: "RoutingRules");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "HandlingUnits");

            migrationBuilder.DropTable(
                name: "Subjects");
        }
    }
}
