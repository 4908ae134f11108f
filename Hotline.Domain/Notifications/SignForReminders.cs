using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Notifications;

/// <summary>
/// The "sign-for limit near" notifications (<see cref="NotificationKind.SignForSoon"/>): one per open task whose
/// 签收时限 falls within the lead time, to the task's inbox. Idempotent: a task already reminded is skipped, and the
/// unique (task, kind, recipient) index refuses a second reminder written by another host at the same moment.
/// </summary>
public static class SignForReminders
{
    /// <summary>Most reminders written per run; the rest follow in the next.</summary>
    public const int BatchSize = 500;

    /// <summary>Writes the reminders due at <paramref name="now"/>; returns how many.</summary>
    public static async Task<int> WriteAsync(HotlineDbContext db, DateTimeOffset now, TimeSpan leadTime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var until = now + leadTime;
        var tasks = await db.InboxTasks.AsNoTracking()
            .Where(t => t.Status == InboxTaskStatus.Open && t.UnitCode != null && t.SignDueAt > now && t.SignDueAt <= until)
            .Where(t => !db.Notifications.Any(n => n.TaskId == t.TaskId && n.Kind == NotificationKind.SignForSoon))
            .OrderBy(t => t.SignDueAt).Take(BatchSize).ToListAsync(cancellationToken);
        if (tasks.Count == 0)
            return 0;
        var caseIds = tasks.Select(t => t.CaseId).OfType<Guid>().Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var task in tasks)
        {
            var @case = task.CaseId is { } id ? cases.GetValueOrDefault(id) : null;
            db.Notifications.Add(NotificationWriter.Row(
                NotificationKind.SignForSoon, NotificationRecipients.Unit(task.UnitCode!), @case, task.TaskId, now, "notify.signForSoon", task.TaskName));
        }

        await db.SaveChangesAsync(cancellationToken);
        return tasks.Count;
    }
}
