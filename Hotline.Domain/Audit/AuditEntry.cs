using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Audit;

/// <summary>
/// One line of the audit log: who did what to which record, when, with the record as it was before and after (JSON, never a
/// password hash). The log is append-only, like a case's timeline: the properties are init-only, the only write path is
/// <see cref="AuditLog.Record"/>, and the database refuses <c>UPDATE</c> and <c>DELETE</c> with triggers created by the
/// <c>AddAuditLog</c> migration on SQLite and PostgreSQL (see <see cref="AuditEntryConfiguration"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The key.</summary>
    public Guid Id { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>The user name (or integrator name) of whoever acted.</summary>
    public string Actor { get; init; } = "";

    /// <summary>What was done (<see cref="AuditActions"/>).</summary>
    public string Action { get; init; } = "";

    /// <summary>The kind of record (<see cref="AuditEntityTypes"/>).</summary>
    public string EntityType { get; init; } = "";

    /// <summary>The record's id (a user name, a definition id, a case number).</summary>
    public string EntityId { get; init; } = "";

    /// <summary>The record before the change as a JSON object; null when there was none or nothing changed in it.</summary>
    public string? Before { get; init; }

    /// <summary>The record after the change as a JSON object; null when there is none.</summary>
    public string? After { get; init; }
}

/// <summary>The kinds of record the audit log names.</summary>
public static class AuditEntityTypes
{
    /// <summary>A person's account (the id is the login name).</summary>
    public const string UserAccount = "UserAccount";

    /// <summary>A workflow definition (the id is the definition id).</summary>
    public const string WorkflowDefinition = "WorkflowDefinition";

    /// <summary>A workflow instance (the id is the instance id).</summary>
    public const string WorkflowInstance = "WorkflowInstance";

    /// <summary>A case (the id is the case number).</summary>
    public const string Case = "Case";

    /// <summary>Units, subjects, routing rules and knowledge answers loaded from files (the id lists the files).</summary>
    public const string ReferenceData = "ReferenceData";

    /// <summary>A handling unit (the id is its code).</summary>
    public const string HandlingUnit = "HandlingUnit";

    /// <summary>A subject of the taxonomy (the id is its code).</summary>
    public const string Subject = "Subject";

    /// <summary>A routing rule (the id is the rule's id).</summary>
    public const string RoutingRule = "RoutingRule";

    /// <summary>A knowledge-base article (the id is the article's id).</summary>
    public const string KnowledgeArticle = "KnowledgeArticle";

    /// <summary>A notice template (the id is the kind of notice).</summary>
    public const string NoticeTemplate = "NoticeTemplate";
}

/// <summary>What the audit log records.</summary>
public static class AuditActions
{
    /// <summary>An administrator changed an account's display name, roles or unit.</summary>
    public const string UserUpdated = "user.updated";

    /// <summary>An administrator disabled an account.</summary>
    public const string UserDisabled = "user.disabled";

    /// <summary>An administrator enabled an account (lifting any lock-out).</summary>
    public const string UserEnabled = "user.enabled";

    /// <summary>An administrator set a temporary password.</summary>
    public const string PasswordReset = "user.password-reset";

    /// <summary>A person changed their own password.</summary>
    public const string PasswordChanged = "user.password-changed";

    /// <summary>A version of a workflow definition was published.</summary>
    public const string DefinitionPublished = "definition.published";

    /// <summary>An administrator deleted an ended workflow instance from the designer (before: its summary).</summary>
    public const string InstanceDeleted = "instance.deleted";

    /// <summary>Someone saw a citizen's full telephone number on a case.</summary>
    public const string PhoneViewed = "case.phone-viewed";

    /// <summary>Reference data was imported from files (after: what each kind added and updated).</summary>
    public const string ReferenceImported = "reference.imported";

    /// <summary>An administrator created a handling unit.</summary>
    public const string UnitCreated = "unit.created";

    /// <summary>An administrator changed a handling unit (moved, renamed, deactivated...).</summary>
    public const string UnitUpdated = "unit.updated";

    /// <summary>An administrator moved a unit's open handling tasks to another unit (before deactivating or moving it).</summary>
    public const string UnitTasksReassigned = "unit.tasks-reassigned";

    /// <summary>An administrator created a subject.</summary>
    public const string SubjectCreated = "subject.created";

    /// <summary>An administrator changed a subject.</summary>
    public const string SubjectUpdated = "subject.updated";

    /// <summary>An administrator created a routing rule.</summary>
    public const string RoutingRuleCreated = "routing-rule.created";

    /// <summary>An administrator changed a routing rule.</summary>
    public const string RoutingRuleUpdated = "routing-rule.updated";

    /// <summary>An administrator deleted a routing rule (before: the rule).</summary>
    public const string RoutingRuleDeleted = "routing-rule.deleted";

    /// <summary>An administrator wrote a new knowledge article (a draft).</summary>
    public const string KnowledgeCreated = "knowledge.created";

    /// <summary>An administrator changed a draft's content or validity.</summary>
    public const string KnowledgeUpdated = "knowledge.updated";

    /// <summary>A draft was submitted for review.</summary>
    public const string KnowledgeSubmitted = "knowledge.submitted";

    /// <summary>A reviewer approved and published an article.</summary>
    public const string KnowledgePublished = "knowledge.published";

    /// <summary>A reviewer returned an article to draft, with a reason.</summary>
    public const string KnowledgeReturned = "knowledge.returned";

    /// <summary>A published article was expired: no longer offered.</summary>
    public const string KnowledgeExpired = "knowledge.expired";

    /// <summary>A published (or expired) article was withdrawn to draft for editing.</summary>
    public const string KnowledgeWithdrawn = "knowledge.withdrawn";

    /// <summary>An administrator changed a notice template.</summary>
    public const string NoticeTemplateUpdated = "notice-template.updated";

    /// <summary>An administrator put a notice template back to the shipped words.</summary>
    public const string NoticeTemplateReset = "notice-template.reset";
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    /// <summary>The triggers the <c>AddAuditLog</c> migration creates; declared so EF knows the table has triggers.</summary>
    public const string NoUpdateTrigger = "AuditEntries_no_update";

    /// <inheritdoc cref="NoUpdateTrigger"/>
    public const string NoDeleteTrigger = "AuditEntries_no_delete";

    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries", t =>
        {
            t.HasTrigger(NoUpdateTrigger);
            t.HasTrigger(NoDeleteTrigger);
        });
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Actor).HasMaxLength(64).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(64).IsRequired();
        builder.Property(e => e.EntityType).HasMaxLength(64).IsRequired();
        builder.Property(e => e.EntityId).HasMaxLength(100).IsRequired();
        // The log is listed newest first, by itself or for one record.
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.EntityType, e.EntityId, e.At });
    }
}
