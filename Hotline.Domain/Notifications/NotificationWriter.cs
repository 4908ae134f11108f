using System.Globalization;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Cases;
using Hotline.Domain.Escalation;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hotline.Domain.Notifications;

/// <summary>
/// Writes the notifications a save causes in that same save (so in the same transaction: a rolled-back change leaves
/// none, a committed one never lacks its own): a task added to an inbox (<see cref="NotificationKind.NewTask"/> to that
/// unit or desk), a case's warning turned yellow or red (to its lead unit and the supervisors), its ladder level raised (the
/// same, and the leaders), a supervisor's instruction (督办意见, to the lead unit), a review that refused a
/// unit's answer or return (<see cref="NotificationKind.SentBack"/> to the case's lead unit).
/// </summary>
/// <remarks>
/// A hook on the context, like <see cref="SearchIndexer"/>: tasks are added by workflow bursts, warnings changed by the
/// deadline sweep, reviews completed through the inbox, and none of them has to know of notifications. A save tried
/// again on the same context finds the rows it added the first time and adds none twice.
/// </remarks>
public sealed class NotificationWriter(TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>How much of an instruction or a workflow's notice the notification repeats.</summary>
    private const int InstructionWords = 60;

    /// <inheritdoc />
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            WriteAsync(db, async: false, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    /// <inheritdoc />
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is HotlineDbContext db)
            await WriteAsync(db, async: true, cancellationToken);
        return result;
    }

    /// <remarks>With <paramref name="async"/> false nothing is awaited that is not already complete.</remarks>
    private async Task WriteAsync(HotlineDbContext db, bool async, CancellationToken cancellationToken)
    {
        var newTasks = db.ChangeTracker.Entries<InboxTask>()
            .Where(e => e.State == EntityState.Added && e.Entity.IsPending && e.Entity.UnitCode is { Length: > 0 })
            .Select(e => e.Entity).ToList();
        var sentBack = db.ChangeTracker.Entries<InboxTask>()
            .Where(e => e.State == EntityState.Modified && e.Property(t => t.Status).IsModified && IsRefusal(e.Entity))
            .Select(e => e.Entity).ToList();
        var changedCases = db.ChangeTracker.Entries<Case>().Where(e => e.State == EntityState.Modified).ToList();
        var carded = changedCases.Where(e => e.Property(c => c.Warning).IsModified
                && e.Entity.Warning is WarningLevel.Yellow or WarningLevel.Red && !Equals(e.Property(c => c.Warning).OriginalValue, e.Entity.Warning))
            .Select(e => e.Entity).ToList();
        var escalated = changedCases.Where(e => e.Property(c => c.EscalationLevel).IsModified && e.Entity.EscalationLevel > e.Property(c => c.EscalationLevel).OriginalValue)
            .Select(e => e.Entity).ToList();
        var instructions = db.ChangeTracker.Entries<CaseEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == CaseEventKind.SupervisionInstructed).Select(e => e.Entity).ToList();
        var notices = db.ChangeTracker.Entries<CaseEvent>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind == CaseEventKind.Notified).Select(e => e.Entity).ToList();
        if (newTasks.Count == 0 && sentBack.Count == 0 && carded.Count == 0 && escalated.Count == 0 && instructions.Count == 0 && notices.Count == 0)
            return;

        var cases = await CasesAsync(db, newTasks.Concat(sentBack).Select(t => t.CaseId).Concat(instructions.Concat(notices).Select(i => (Guid?)i.CaseId)), async, cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var task in newTasks)
            Add(db, Row(NotificationKind.NewTask, NotificationRecipients.Unit(task.UnitCode!), Find(cases, task.CaseId), task.TaskId, now, "notify.newTask", task.TaskName));
        foreach (var task in sentBack.Where(t => Find(cases, t.CaseId)?.LeadUnitCode is not null))
        {
            var @case = Find(cases, task.CaseId)!;
            var key = task.Kind == InboxTaskKind.ReviewReturn ? "notify.returnRefused" : "notify.answerRefused";
            Add(db, Row(NotificationKind.SentBack, NotificationRecipients.Unit(@case.LeadUnitCode!), @case, task.TaskId, now, key));
        }

        foreach (var @case in carded)
        {
            var kind = @case.Warning == WarningLevel.Red ? NotificationKind.Red : NotificationKind.Yellow;
            AddForLadder(db, @case, kind, now, leaders: false, kind == NotificationKind.Red ? "notify.red" : "notify.yellow");
        }

        foreach (var @case in escalated)
            AddForLadder(db, @case, NotificationKind.Escalated, now, leaders: true, "notify.escalated", @case.EscalationLevel.ToString(CultureInfo.InvariantCulture));
        foreach (var instruction in instructions)
            AddInstruction(db, instruction, Find(cases, instruction.CaseId), now);
        foreach (var notice in notices)
            AddNotice(db, notice, Find(cases, notice.CaseId), now);
    }

    /// <summary>A workflow's notice sent to the workbench (<see cref="NoticeChannel.Inbox"/>): to the unit or desk it names.</summary>
    private static void AddNotice(HotlineDbContext db, CaseEvent notice, Case? @case, DateTimeOffset now)
    {
        if (CaseEventData.Read<NotifiedData>(notice.Data) is { Channel: NoticeChannel.Inbox } data && NotificationRecipients.Of(data) is { } recipient
            && recipient != NotificationRecipients.Citizen)
        {
            Add(db, Row(NotificationKind.Notice, recipient, @case, null, now, "notify.notice", Shorten(data.Text)));
        }
    }

    /// <summary>
    /// A step of the ladder to the case's lead unit and the supervisors (a yellow or red card), and the leaders too
    /// (<paramref name="leaders"/>: a level of the ladder, which their board shows).
    /// </summary>
    private static void AddForLadder(HotlineDbContext db, Case @case, NotificationKind kind, DateTimeOffset now, bool leaders, string key, params string[] arguments)
    {
        if (@case.LeadUnitCode is { } unit)
            Add(db, Row(kind, NotificationRecipients.Unit(unit), @case, null, now, key, arguments));
        Add(db, Row(kind, NotificationRecipients.Supervisors, @case, null, now, key, arguments));
        if (leaders)
            Add(db, Row(kind, NotificationRecipients.Leaders, @case, null, now, key, arguments));
    }

    /// <summary>督办意见: the lead unit it was given to is told, with the instruction's first words.</summary>
    private static void AddInstruction(HotlineDbContext db, CaseEvent instruction, Case? @case, DateTimeOffset now)
    {
        if (CaseEventData.Read<InstructionData>(instruction.Data) is not { UnitCode: { } unit } data)
            return;
        Add(db, Row(NotificationKind.Instructed, NotificationRecipients.Unit(unit), @case, null, now, "notify.instructed", Shorten(data.Text)));
    }

    /// <summary>The first words of a text a person wrote, as a notification repeats them.</summary>
    private static string Shorten(string text) => text.Length <= InstructionWords ? text : text[..InstructionWords] + "…";

    private static bool IsRefusal(InboxTask task) =>
        task.Status == InboxTaskStatus.Completed && task.Outcome == "Rejected" && task.Kind is InboxTaskKind.ReviewAnswer or InboxTaskKind.ReviewReturn;

    /// <summary>A notification about <paramref name="case"/> (may be null: a task without a case).</summary>
    internal static Notification Row(NotificationKind kind, string recipient, Case? @case, string? taskId, DateTimeOffset now, string textKey, params string[] arguments) => new()
    {
        Kind = kind,
        Recipient = recipient,
        CaseId = @case?.Id,
        CaseNumber = @case?.Number,
        DistrictCode = @case?.DistrictCode,
        TaskId = taskId,
        TextKey = textKey,
        Arguments = [.. arguments],
        CreatedAt = now,
    };

    /// <summary>Adds <paramref name="row"/> unless this context added the same one already (a save tried again).</summary>
    private static void Add(HotlineDbContext db, Notification row)
    {
        var twice = db.Notifications.Local.Any(n => n.Id == 0 && n.Kind == row.Kind && n.Recipient == row.Recipient && n.CaseId == row.CaseId && n.TaskId == row.TaskId);
        if (!twice)
            db.Notifications.Add(row);
    }

    private static Case? Find(Dictionary<Guid, Case> cases, Guid? id) => id is { } key ? cases.GetValueOrDefault(key) : null;

    /// <summary>The cases of <paramref name="ids"/>: those the context tracks, the others loaded.</summary>
    private static async Task<Dictionary<Guid, Case>> CasesAsync(HotlineDbContext db, IEnumerable<Guid?> ids, bool async, CancellationToken cancellationToken)
    {
        var wanted = ids.OfType<Guid>().ToHashSet();
        var cases = db.Cases.Local.Where(c => wanted.Contains(c.Id)).ToDictionary(c => c.Id);
        var missing = wanted.Where(id => !cases.ContainsKey(id)).ToList();
        if (missing.Count == 0)
            return cases;
        var query = db.Cases.AsNoTracking().Where(c => missing.Contains(c.Id));
        foreach (var @case in async ? await query.ToListAsync(cancellationToken) : [.. query])
            cases.TryAdd(@case.Id, @case);
        return cases;
    }
}
