using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain;
using Hotline.Domain.Activities;
using Hotline.Domain.Cases;
using Hotline.Domain.Deadlines;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Workbench.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The supervision board through the escalations API's own query (<see cref="CasesApi.Supervised"/>: open, visible to
/// the caller, ladder order), widened to the yellow and red warnings. Who holds a case is the units of its pending tasks;
/// the next checkpoint is the escalation workflow's own waiting timer (<see cref="WaitForDeadline"/> inside the
/// <c>escalation-13710</c> activity of the case's lifecycle instance) with how the graph counts it, as the timer recorded
/// it, not a rule computed again here.
/// </summary>
internal sealed class WorkbenchSupervision(IDbContextFactory<HotlineDbContext> contexts, CaseInstructions instructions, InboxService inbox) : IWorkbenchSupervision
{
    /// <summary>How many cases the board shows.</summary>
    private const int Shown = 200;

    /// <summary>
    /// The supervision ladder's workflow definition: its waiting timers (whatever their ids, after any redesign) are the
    /// checkpoints; the lifecycle's other timers (a callback's wait) are not.
    /// </summary>
    internal const string LadderDefinitionId = "escalation-13710";

    public async Task<SupervisionBoard> BoardAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!user.IsInRole(HotlineRoles.Supervisor) && !user.IsInRole(HotlineRoles.Leader))
            return new([], 0);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = CasesApi.Supervised(db, user).Where(c => c.EscalationLevel > 0 || c.Warning != WarningLevel.None);
        var total = await query.CountAsync(cancellationToken);
        var cases = await query.Take(Shown).ToListAsync(cancellationToken);
        var ids = cases.Select(c => c.Id).ToList();
        var pending = await db.InboxTasks.AsNoTracking()
                .Where(t => t.CaseId != null && ids.Contains(t.CaseId.Value) && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor))
                .Select(t => new { CaseId = t.CaseId!.Value, t.UnitCode, t.Kind }).ToListAsync(cancellationToken);
        // The supervision desk's own decision (销号) is not a unit holding the case.
        var holders = pending.Where(t => t.UnitCode is not null && t.Kind != InboxTaskKind.Supervise)
            .GroupBy(t => t.CaseId).ToDictionary(g => g.Key, g => g.Select(t => t.UnitCode!).Distinct().ToList());
        var deciding = pending.Where(t => t.Kind == InboxTaskKind.Supervise).Select(t => t.CaseId).ToHashSet();
        var reports = await SupervisionItems.LatestReportsAsync(db, ids, cancellationToken);
        var next = await NextCheckpointsAsync(db, cases, cancellationToken);
        var given = await LatestInstructions.ReadAsync(db, ids, cancellationToken);
        var names = await ReferenceNames.ReadAsync(
            db, cases.Select(c => c.SubjectCode), cases.Select(c => c.LeadUnitCode).Concat(holders.Values.SelectMany(u => u)).Concat(reports.Values.Select(r => r.UnitCode)), [],
            cancellationToken);
        var rows = cases.Select(c =>
        {
            var (step, at, count) = next.GetValueOrDefault(c.Id);
            var held = holders.GetValueOrDefault(c.Id)?.Select(u => names.Unit(u) ?? u).ToList() ?? [];
            return new SupervisionRow(
                LevelOf(c), c.Number, names.Subject(c.SubjectCode), names.Unit(c.LeadUnitCode), c.DeadlineAt, c.Warning, held, step, at,
                given.TryGetValue(c.Id, out var instruction) ? instruction.Instruction : null, count,
                reports.TryGetValue(c.Id, out var report) ? new ProgressNote(report.Text, names.Unit(report.UnitCode) ?? report.UnitCode, report.At) : null,
                deciding.Contains(c.Id));
        }).ToList();
        return new(rows, total);
    }

    public async Task<InstructionOutcome> InstructAsync(ClaimsPrincipal user, string caseNumber, string? text, CancellationToken cancellationToken)
    {
        var outcome = await CaseInstructionsApi.InstructAsync(caseNumber, text, user, instructions, contexts, cancellationToken);
        return outcome switch
        {
            { NotFound: true } => InstructionOutcome.NotFound,
            { Invalid: not null } => InstructionOutcome.Invalid,
            { Ended: true } => InstructionOutcome.Ended,
            _ => InstructionOutcome.Recorded,
        };
    }

    public Task<DecisionOutcome> DecideAsync(ClaimsPrincipal user, string caseNumber, SupervisionVerdict verdict, string? text, CancellationToken cancellationToken) =>
        SupervisionItems.DecideAsync(caseNumber, verdict, text, user, inbox, contexts, cancellationToken);

    /// <summary>The board's group: the ladder level when on it, else the warning.</summary>
    private static SupervisionLevel LevelOf(Case c) => c.EscalationLevel switch
    {
        >= 3 => SupervisionLevel.Level3,
        2 => SupervisionLevel.Level2,
        1 => SupervisionLevel.Level1,
        _ => c.Warning == WarningLevel.Red ? SupervisionLevel.Red : SupervisionLevel.Yellow,
    };

    /// <summary>Per case: the escalation ladder's waiting timer (its activity id, when it fires, how the graph counts it), the soonest if several.</summary>
    private static async Task<Dictionary<Guid, (string? Step, DateTimeOffset? At, CheckpointCount? Count)>> NextCheckpointsAsync(
        HotlineDbContext db, IReadOnlyList<Case> cases, CancellationToken ct)
    {
        var instances = cases.Where(c => c.WorkflowInstanceId is not null).Select(c => c.WorkflowInstanceId!).Distinct().ToList();
        var timers = (await db.Bookmarks.AsNoTracking()
                .Where(b => instances.Contains(b.WorkflowInstanceId) && b.Name == WaitForDeadline.TypeName && b.ResumeAt != null)
                .Select(b => new { b.WorkflowInstanceId, b.ActivityNodeId, b.ResumeAt, b.Payload }).ToListAsync(ct))
            .Select(b => (b.WorkflowInstanceId, Step: b.ActivityNodeId[(b.ActivityNodeId.LastIndexOf(':') + 1)..], b.ResumeAt, Payload: Parse(b.Payload)))
            .Where(b => b.Payload?["within"]?.GetValue<string>() == LadderDefinitionId).ToList();
        var answer = new Dictionary<Guid, (string?, DateTimeOffset?, CheckpointCount?)>();
        foreach (var c in cases)
        {
            var soonest = timers.Where(b => b.WorkflowInstanceId == c.WorkflowInstanceId).OrderBy(b => b.ResumeAt).FirstOrDefault();
            if (soonest.Step is not null)
                answer[c.Id] = (soonest.Step, soonest.ResumeAt, CountOf(soonest.Payload!));
        }

        return answer;
    }

    private static JsonObject? Parse(string? payload) => payload is null ? null : JsonNode.Parse(payload) as JsonObject;

    /// <summary>How the wait counts, as its timer recorded it; null for a timer without the details.</summary>
    private static CheckpointCount? CountOf(JsonObject payload) =>
        EnumNames.TryParse<WaitAnchor>(payload["anchor"]?.GetValue<string>(), out var anchor)
        && EnumNames.TryParse<WaitUnit>(payload["unit"]?.GetValue<string>(), out var unit)
        && payload["offset"] is JsonValue offset && offset.TryGetValue<int>(out var count)
            ? new(anchor, count, unit, payload["timeOfDay"]?.GetValue<string>(), payload["label"]?.GetValue<string>())
            : null;
}
