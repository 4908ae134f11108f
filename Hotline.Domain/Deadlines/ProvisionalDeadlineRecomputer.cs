using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Hotline.Domain.Calendar;

namespace Hotline.Domain.Deadlines;

/// <summary>
/// Recomputes the provisional deadlines (<see cref="Case.IsDeadlineProvisional"/>) of open cases when a calendar year is
/// saved: the deadlines that assumed Monday to Friday for a year whose holidays were not published yet.
/// </summary>
/// <remarks>
/// <para>
/// A case is looked at when it is open (not closed, not answered directly), its deadline is provisional and falls in
/// the saved year or later (so counts through it). Its deadline is counted again from the rule frozen on it
/// (<see cref="Case.DeadlineRule"/>): <see cref="DeadlineRuleSnapshot.Limit"/> working days after the date of
/// <see cref="DeadlineRuleSnapshot.CountedFrom"/> in the calendar's time zone, due at the end of the afternoon period
/// of the due date (<see cref="WorkingDayCalendar.EndOfWorkingDay"/>), as <c>ComputeDeadline</c> does. It stays
/// provisional when it still reaches into a year with no calendar. When the deadline or its provisional flag changes,
/// the case gets a <see cref="CaseEventKind.DeadlineSet"/> event (<c>reason</c> <see cref="Reason"/>, <c>year</c>,
/// <c>deadlineAt</c>, <c>previousDeadlineAt</c>, <c>provisional</c>), and its pending
/// <see cref="InboxTaskKind.Handle"/> and <see cref="InboxTaskKind.Assist"/> tasks that were due at the old deadline are due at the new one. When
/// the deadline moved earlier, the timers of the case's <see cref="WaitForDeadline"/> activities (the escalation ladder's
/// warnings and levels) are made due at once, in the same save: the sweep resumes them, and each waits again for its
/// moment counted from the new deadline, so no warning comes late. Nothing changes when nothing would (a year saved twice).
/// </para>
/// <para>
/// An approved extension moves a deadline beyond its rule: it adds working days to the deadline then current. The
/// <see cref="CaseEventKind.ExtensionApproved"/> events at or after <see cref="DeadlineRuleSnapshot.CountedFrom"/> are
/// replayed in order on the recomputed deadline, each adding its <c>days</c> from the date of the deadline before it,
/// as <c>ExtendDeadline</c> did; an event that does not say its days leaves the case alone, with a warning. Deadlines counted in calendar days are never provisional, and other units are not recomputed.
/// </para>
/// <para>
/// Cases are read and saved <see cref="ChunkSize"/> at a time. Workflows may change the same cases meanwhile: each
/// chunk is saved against the cases' and tasks' concurrency tokens, and a chunk that loses a race is redone case by
/// case with <see cref="CaseTimeline.UpdateCaseAsync"/>, which reloads and retries.
/// </para>
/// </remarks>
public sealed class ProvisionalDeadlineRecomputer(
    IDbContextFactory<HotlineDbContext> contexts,
    CalendarService calendars,
    TimeProvider clock,
    ILogger<ProvisionalDeadlineRecomputer> logger) : ICalendarYearListener
{
    /// <summary>The <c>reason</c> of the <see cref="CaseEventKind.DeadlineSet"/> events this appends.</summary>
    public const string Reason = "calendar-loaded";

    /// <summary>How many cases are read and saved together.</summary>
    public const int ChunkSize = 200;

    /// <inheritdoc />
    public async Task OnYearLoadedAsync(int year, CancellationToken cancellationToken = default)
    {
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        if (!calendar.IsLoaded(year))
        {
            logger.LogWarning("Calendar year {Year} was reported saved but is not in the calendar; provisional deadlines are not recomputed.", year);
            return;
        }

        var pass = new Pass(calendar, year, clock.GetUtcNow());
        var from = calendar.Hours.ToMoment(new DateOnly(year, 1, 1), TimeSpan.Zero).ToUniversalTime();
        var tally = new Tally();
        Guid? after = null;
        while (await RecomputeChunkAsync(pass, from, after, tally, cancellationToken) is { } last)
            after = last;

        logger.LogInformation(
            "Calendar year {Year} loaded: recomputed {Recomputed} provisional deadline(s) ({StillProvisional} still provisional), moved {Tasks} handle task(s); " +
            "{Unchanged} unchanged, {Extended} skipped (extended).",
            year, tally.Recomputed, tally.StillProvisional, tally.TasksMoved, tally.Unchanged, tally.Extended);
    }

    /// <summary>Recomputes the next chunk of cases after <paramref name="after"/>; returns the last case's id, or null when there were none.</summary>
    private async Task<Guid?> RecomputeChunkAsync(Pass pass, DateTimeOffset from, Guid? after, Tally tally, CancellationToken cancellationToken)
    {
        List<Guid> ids;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            var query = db.Cases.Where(Case.Open).Where(c => c.IsDeadlineProvisional && c.DeadlineAt >= from);
            if (after is { } last)
                query = query.Where(c => c.Id.CompareTo(last) > 0);
            var cases = await query.OrderBy(c => c.Id).Take(ChunkSize).ToListAsync(cancellationToken);
            if (cases.Count == 0)
                return null;
            ids = [.. cases.Select(c => c.Id)];

            var extensions = (await Extensions(db).Where(e => ids.Contains(e.CaseId)).ToListAsync(cancellationToken)).ToLookup(e => e.CaseId);
            var tasks = (await PendingHandleTasks(db).Where(t => ids.Contains(t.CaseId!.Value)).ToListAsync(cancellationToken))
                .ToLookup(t => t.CaseId!.Value);
            var instanceIds = cases.Select(c => c.WorkflowInstanceId).OfType<string>().ToList();
            var waits = (await DeadlineWaits(db, pass).Where(b => instanceIds.Contains(b.WorkflowInstanceId)).ToListAsync(cancellationToken))
                .ToLookup(b => b.WorkflowInstanceId);
            var outcomes = cases.Select(c => Apply(db, c, pass, extensions[c.Id], tasks[c.Id],
                c.WorkflowInstanceId is { } instanceId ? waits[instanceId] : [])).ToList();
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                foreach (var outcome in outcomes)
                    tally.Add(outcome);
                return ids[^1];
            }
            catch (DbUpdateException e) when (CaseTimeline.IsConflict(e))
            {
                // A workflow changed one of these cases or tasks since they were read; nothing of the chunk was saved.
            }
        }

        foreach (var id in ids)
        {
            var outcome = default(Outcome);
            await contexts.UpdateCaseAsync(id, async (db, @case, ct) =>
            {
                var extensions = await Extensions(db).Where(e => e.CaseId == id).ToListAsync(ct);
                var tasks = await PendingHandleTasks(db).Where(t => t.CaseId == id).ToListAsync(ct);
                var waits = @case.WorkflowInstanceId is { } instanceId
                    ? await DeadlineWaits(db, pass).Where(b => b.WorkflowInstanceId == instanceId).ToListAsync(ct)
                    : [];
                outcome = Apply(db, @case, pass, extensions, tasks, waits);
            }, cancellationToken);
            tally.Add(outcome);
        }

        return ids[^1];
    }

    private static IQueryable<InboxTask> PendingHandleTasks(HotlineDbContext db) =>
        db.InboxTasks.Where(t => t.CaseId != null && (t.Kind == InboxTaskKind.Handle || t.Kind == InboxTaskKind.Assist)
            && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor));

    private static IQueryable<CaseEvent> Extensions(HotlineDbContext db) =>
        db.CaseEvents.AsNoTracking().Where(e => e.Kind == CaseEventKind.ExtensionApproved);

    /// <summary>The timer bookmarks of <see cref="WaitForDeadline"/> activities that are not due yet.</summary>
    private static IQueryable<BookmarkRow> DeadlineWaits(HotlineDbContext db, Pass pass) =>
        db.Bookmarks.Where(b => b.Name == Deadlines.DeadlineCounting.WaitBookmarkName && b.ResumeAt != null && b.ResumeAt > pass.Now);

    /// <summary>
    /// Recomputes one case (tracked by <paramref name="db"/>, not saved) given its approved extensions, pending handle
    /// tasks and the deadline waits of its workflow instance.
    /// </summary>
    private Outcome Apply(HotlineDbContext db, Case @case, Pass pass, IEnumerable<CaseEvent> extensions, IEnumerable<InboxTask> handleTasks,
        IEnumerable<BookmarkRow> deadlineWaits)
    {
        // Read again, not trusted from the query: in a retry the case is the one saved since.
        if (!@case.IsOpen || !@case.IsDeadlineProvisional || @case.DeadlineAt is not { } previous || @case.DeadlineRule is not { } rule)
            return Outcome.NotApplicable;
        if (rule.Unit != DeadlineUnit.WorkingDays || rule.Limit is < 0 or > WorkingDayCalendar.MaxWorkingDays)
        {
            logger.LogWarning("Case {Number}: its provisional deadline comes from a limit of {Limit} {Unit}, which is not recomputed.", @case.Number, rule.Limit, rule.Unit);
            return Outcome.NotApplicable;
        }

        var due = DeadlineCounting.FromRule(pass.Calendar, rule.CountedFrom, rule.Limit, rule.Unit);
        var deadline = due.Value;
        var provisional = due.IsProvisional;
        // Extensions approved since the rule was counted, replayed in order as ExtendDeadline counted them: their working
        // days from the date of the deadline then current.
        foreach (var extension in extensions.Where(e => e.At >= rule.CountedFrom).OrderBy(e => e.Sequence))
        {
            if (ExtensionDays(extension) is not { } days)
            {
                logger.LogWarning("Case {Number}: extension event {Sequence} does not say how many working days it granted; the deadline is not recomputed " +
                    "and stays provisional ({Deadline:O}) after calendar year {Year} was loaded.", @case.Number, extension.Sequence, previous, pass.Year);
                return Outcome.Extended;
            }

            var extended = DeadlineCounting.Extend(pass.Calendar, deadline, days);
            deadline = extended.Value;
            provisional |= extended.IsProvisional;
        }

        if (deadline == previous && provisional)
            return Outcome.Unchanged;

        var moved = 0;
        foreach (var task in handleTasks.Where(t => t.DueAt == previous))
        {
            task.DueAt = deadline;
            moved++;
        }

        // Waits counted from a later deadline would fire late: due now, they count again from the new one.
        if (deadline < previous)
        {
            foreach (var wait in deadlineWaits)
                wait.ResumeAt = pass.Now;
        }

        @case.RecomputeDeadline(Reason, pass.Year, deadline, provisional, pass.Now);
        return new Outcome(Kind.Recomputed, provisional, moved);
    }

    private static int? ExtensionDays(CaseEvent extension) =>
        CaseEventData.Read<ExtensionApprovedData>(extension.Data) is { Days: > 0 } data ? data.Days : null;

    private sealed record Pass(WorkingDayCalendar Calendar, int Year, DateTimeOffset Now);

    private enum Kind
    {
        NotApplicable,
        Unchanged,
        Extended,
        Recomputed,
    }

    private readonly record struct Outcome(Kind Kind, bool StillProvisional = false, int TasksMoved = 0)
    {
        public static Outcome NotApplicable => new(Kind.NotApplicable);

        public static Outcome Unchanged => new(Kind.Unchanged);

        public static Outcome Extended => new(Kind.Extended);
    }

    private sealed class Tally
    {
        public int Recomputed { get; private set; }

        public int StillProvisional { get; private set; }

        public int TasksMoved { get; private set; }

        public int Unchanged { get; private set; }

        public int Extended { get; private set; }

        public void Add(Outcome outcome)
        {
            switch (outcome.Kind)
            {
                case Kind.Recomputed:
                    Recomputed++;
                    StillProvisional += outcome.StillProvisional ? 1 : 0;
                    TasksMoved += outcome.TasksMoved;
                    break;
                case Kind.Unchanged:
                    Unchanged++;
                    break;
                case Kind.Extended:
                    Extended++;
                    break;
                default:
                    break;
            }
        }
    }
}
