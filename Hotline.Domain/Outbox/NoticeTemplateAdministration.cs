using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Outbox;

/// <summary>
/// Administrators' edits of the notice templates (scoped). Every kind has a template: its saved words, or the shipped
/// ones at version 1. A save is checked against the version read, may use only the placeholders the kind fills, and is
/// audited; a reset puts the shipped words back as a new version, so an older form is still stale.
/// </summary>
public sealed class NoticeTemplateAdministration(HotlineDbContext db, VersionedChanges changes, TimeProvider clock)
{
    /// <summary>The template of every kind, in the enumeration's order.</summary>
    public async Task<List<NoticeTemplateView>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await NoticeTemplates.LoadAsync(db, cancellationToken)).Values.OrderBy(t => t.Kind).Select(NoticeTemplateView.From)];

    /// <summary>The kind named <paramref name="name"/> (its name, as the API shows it), or null.</summary>
    public static NotificationKind? KindOf(string? name) =>
        Enum.GetValues<NotificationKind>().Select(k => (NotificationKind?)k).FirstOrDefault(k => string.Equals(k.ToString(), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Replaces the words and switches of <paramref name="kind"/>, if the version is current and the words valid.</summary>
    public async Task<Change<NoticeTemplate>> SaveAsync(string actor, NotificationKind kind, NoticeTemplateFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(fields.Version, errors);
        Check(kind, fields.Subject, "subject", NoticeTemplates.SubjectMaxLength, errors);
        Check(kind, fields.Body, "body", NoticeTemplates.BodyMaxLength, errors);
        if (errors.Count > 0)
            return Change<NoticeTemplate>.Invalid(errors);
        return await ChangeAsync(actor, AuditActions.NoticeTemplateUpdated, kind, fields.Version, template =>
        {
            template.Subject = fields.Subject!.Trim();
            template.Body = fields.Body!.Trim();
            template.Email = fields.Email ?? template.Email;
            template.Sms = fields.Sms ?? template.Sms;
        }, cancellationToken);
    }

    /// <summary>Puts the shipped words and switches of <paramref name="kind"/> back, if <paramref name="version"/> is current.</summary>
    public async Task<Change<NoticeTemplate>> ResetAsync(string actor, NotificationKind kind, int? version, CancellationToken cancellationToken = default)
    {
        var shipped = NoticeTemplates.Default(kind);
        if (!await db.NoticeTemplates.AnyAsync(t => t.Kind == kind, cancellationToken))
            return Change<NoticeTemplate>.Done(shipped); // never saved: already the shipped words
        return await ChangeAsync(actor, AuditActions.NoticeTemplateReset, kind, version, template =>
            (template.Subject, template.Body, template.Email, template.Sms) = (shipped.Subject, shipped.Body, shipped.Email, shipped.Sms), cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="apply"/> to the kind's row through <see cref="VersionedChanges"/> (version check, audit row
    /// with the words before). A kind never saved first gets its shipped words' row (version 1, the version its readers
    /// saw), so the first change is checked and audited like any other.
    /// </summary>
    private async Task<Change<NoticeTemplate>> ChangeAsync(string actor, string action, NotificationKind kind, int? version, Action<NoticeTemplate> apply,
        CancellationToken cancellationToken)
    {
        if (!await db.NoticeTemplates.AnyAsync(t => t.Kind == kind, cancellationToken))
        {
            db.NoticeTemplates.Add(NoticeTemplates.Default(kind));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another administrator stored the kind meanwhile: the version check below decides.
            }

            db.ChangeTracker.Clear();
        }

        return await changes.UpdateAsync<NoticeTemplate>(actor, action, AuditEntityTypes.NoticeTemplate, kind.ToString(), version, template =>
        {
            apply(template);
            (template.UpdatedBy, template.UpdatedAt) = (actor, clock.GetUtcNow());
            return Task.FromResult<Change<NoticeTemplate>?>(null);
        }, cancellationToken);
    }

    /// <summary>Adds an error for <paramref name="field"/> when it is missing, too long or uses a placeholder <paramref name="kind"/> does not fill.</summary>
    private static void Check(NotificationKind kind, string? text, string field, int maxLength, Dictionary<string, string[]> errors)
    {
        Codes.CheckText(text, field, maxLength, errors);
        if (!errors.ContainsKey(field) && NoticeTemplates.UnknownPlaceholders(kind, text!) is { Count: > 0 } unknown)
            errors[field] = [$"{string.Join("、", unknown.Select(p => "{" + p + "}"))} is not filled for {kind}: use {string.Join("、", NoticeTemplates.PlaceholdersOf(kind).Select(p => "{" + p + "}"))}."];
    }
}
