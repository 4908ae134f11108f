using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Escalation;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Outbox;

/// <summary>
/// Writes the outbox messages a save causes, in that same save (so a rolled-back change sends nothing and a committed
/// one is never without its messages): for each bell notification the save adds (<see cref="NotificationWriter"/> runs
/// first), an e-mail and a text message to the recipient's addresses (<see cref="NoticeAddresses"/>); for a workflow's
/// notice (<see cref="CaseEventKind.Notified"/>) by text message (<see cref="NoticeChannel.Sms"/>) or letter
/// (<see cref="NoticeChannel.Letter"/>, sent as e-mail), to the citizen's telephone or the staff's addresses; for a reply
/// to the citizen (<see cref="CaseEventKind.Replied"/>) a text message to the citizen's telephone, with a one-time
/// rating link when the template asks for one. Only channels this host delivers (<paramref name="channels"/>) are
/// written, and only kinds whose template has the channel switched on.
/// </summary>
/// <param name="clock">The clock.</param>
/// <param name="channels">The channels a worker delivers; none, and nothing is written.</param>
/// <param name="ratingLinks">Issues a reply's rating link on the save's context (<c>null</c>: replies carry none).</param>
public sealed class OutboxWriter(TimeProvider clock, IReadOnlyCollection<OutboxChannel> channels, RatingLinkIssuer? ratingLinks) : SaveChangesInterceptor
{
    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db && channels.Count > 0)
            WriteAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db && channels.Count > 0)
            await WriteAsync(db, async: true, cancellationToken);
        return result;
    }

    private async Task WriteAsync(HotlineDbContext db, bool async, CancellationToken cancellationToken)
    {
        var notices = Bells(db).Concat(Events(db)).ToList();
        if (notices.Count == 0 || db.OutboxMessages.Local.Any(m => m.Id == 0))
            return; // Nothing to send, or a save tried again on this context: its messages are already added.
        var templates = async ? await NoticeTemplates.LoadAsync(db, cancellationToken) : NoticeTemplates.LoadAsync(db, cancellationToken).GetAwaiter().GetResult();
        var addresses = await NoticeAddresses.LoadAsync(db, [.. notices.Select(n => n.Recipient)], async, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var notice in notices)
        {
            var template = templates[notice.Kind];
            var candidates = notice.Recipient == NotificationRecipients.Citizen ? notice.CitizenAddresses : addresses.Of(notice.Recipient, notice.DistrictCode);
            var targets = candidates.Where(t => channels.Contains(t.Channel) && (notice.Only is null || notice.Only == t.Channel) && IsOn(template, t.Channel)).Distinct().ToList();
            if (targets.Count == 0)
                continue;
            // Rendered once per notice: every address gets the same words (and a reply one rating link, not one per address).
            var values = await ValuesAsync(db, notice, template, cancellationToken);
            var subject = Limit(NoticeTemplates.Render(template.Subject, values), NoticeTemplates.SubjectMaxLength);
            var body = Limit(NoticeTemplates.Render(template.Body, values), OutboxMessage.BodyMaxLength);
            foreach (var target in targets)
            {
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Kind = notice.Kind, Channel = target.Channel, Recipient = notice.Recipient, Address = target.Address,
                    CaseId = notice.CaseId, CaseNumber = notice.CaseNumber, Subject = subject, Body = body,
                    Status = OutboxStatus.Pending, NextAttemptAt = now, CreatedAt = now,
                });
            }
        }
    }

    /// <summary>The placeholders' values; the rating link is issued only for a template that shows it.</summary>
    private async Task<Dictionary<string, string>> ValuesAsync(HotlineDbContext db, PendingNotice notice, NoticeTemplate template, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, string>(notice.Values, StringComparer.Ordinal) { [NoticeTemplates.CaseNumber] = notice.CaseNumber ?? "" };
        var wantsLink = template.Body.Contains('{' + NoticeTemplates.RatingLink + '}', StringComparison.Ordinal);
        if (notice.Kind == NotificationKind.Reply && wantsLink && ratingLinks is not null && notice.Case is { } @case)
            values[NoticeTemplates.RatingLink] = await ratingLinks(db, @case, clock.GetUtcNow(), cancellationToken);
        return values;
    }

    private static bool IsOn(NoticeTemplate template, OutboxChannel channel) => channel == OutboxChannel.Email ? template.Email : template.Sms;

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The bell notifications the save adds (a workflow's notice is sent from its event instead).</summary>
    private static IEnumerable<PendingNotice> Bells(HotlineDbContext db) =>
        db.ChangeTracker.Entries<Notification>().Where(e => e.State == EntityState.Added && e.Entity.Kind != NotificationKind.Notice)
            .Select(e => e.Entity)
            .Select(n => new PendingNotice(n.Kind, n.Recipient, null, n.CaseId, n.CaseNumber, n.DistrictCode, null, [], BellValues(n)));

    private static Dictionary<string, string> BellValues(Notification bell)
    {
        var first = bell.Arguments.FirstOrDefault() ?? "";
        return bell.Kind switch
        {
            NotificationKind.NewTask or NotificationKind.SignForSoon => new() { [NoticeTemplates.Task] = first },
            NotificationKind.Escalated => new() { [NoticeTemplates.Level] = first },
            NotificationKind.Instructed => new() { [NoticeTemplates.Content] = first },
            _ => [],
        };
    }

    /// <summary>The workflows' notices by text message or letter, and the replies, the save adds.</summary>
    private static IEnumerable<PendingNotice> Events(HotlineDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<CaseEvent>().Where(e => e.State == EntityState.Added))
        {
            var @event = entry.Entity;
            if (@event.Kind is not (CaseEventKind.Notified or CaseEventKind.Replied) || db.Cases.Local.FirstOrDefault(c => c.Id == @event.CaseId) is not { } @case)
                continue;
            var citizen = PhoneNumbers.Normalize(@case.CitizenPhone) is { } phone ? new[] { new NoticeAddress(OutboxChannel.Sms, phone) } : [];
            if (@event.Kind == CaseEventKind.Replied && CaseEventData.Read<RepliedData>(@event.Data) is { } reply)
                yield return new PendingNotice(NotificationKind.Reply, NotificationRecipients.Citizen, @case, @case.Id, @case.Number, @case.DistrictCode, OutboxChannel.Sms, citizen,
                    new() { [NoticeTemplates.Content] = reply.Text });
            else if (CaseEventData.Read<NotifiedData>(@event.Data) is { Channel: not NoticeChannel.Inbox } notified && NotificationRecipients.Of(notified) is { } recipient)
                yield return new PendingNotice(NotificationKind.Notice, recipient, @case, @case.Id, @case.Number, @case.DistrictCode,
                    notified.Channel == NoticeChannel.Sms ? OutboxChannel.Sms : OutboxChannel.Email, citizen, new() { [NoticeTemplates.Content] = notified.Text });
        }
    }

    private sealed record PendingNotice(
        NotificationKind Kind, string Recipient, Case? Case, Guid? CaseId, string? CaseNumber, string? DistrictCode,
        OutboxChannel? Only, IReadOnlyList<NoticeAddress> CitizenAddresses, Dictionary<string, string> Values);
}

/// <summary>Issues a reply's one-time rating link on the save's context and returns the link to give the citizen.</summary>
public delegate Task<string> RatingLinkIssuer(HotlineDbContext db, Case @case, DateTimeOffset at, CancellationToken cancellationToken);
