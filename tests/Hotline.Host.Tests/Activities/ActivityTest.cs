using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Activities;

/// <summary>
/// Runs one hotline activity in a flowchart of its own (<see cref="ActivityFlow"/>) through a real
/// <see cref="WorkflowRuntime"/> on a migrated SQLite database with the real burst scope, the <see cref="ActivityCity"/>
/// seeded and the clock at <see cref="CaseDatabase.Start"/> (Monday 2 March 2026, 10:00 in China), and reads back what it did.
/// </summary>
public abstract class ActivityTest : IAsyncLifetime
{
    protected static readonly TimeSpan China = TimeSpan.FromHours(8);

    /// <summary>Ten working days from <see cref="CaseDatabase.Start"/>: Monday 16 March 2026, 17:30.</summary>
    protected static readonly DateTimeOffset Deadline = new(2026, 3, 16, 17, 30, 0, China);

    protected CaseDatabase Database { get; private set; } = null!;

    protected WorkflowRuntime Runtime { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await CaseDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Runtime = Database.CreateRuntime(hotlineActivities: true);
        await ActivityCity.SeedAsync(Database.Contexts);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>Registers a complaint outside a workflow.</summary>
    protected Task<Case> RegisterAsync(CaseRegistration? registration = null) =>
        Database.Registrar.RegisterAsync(registration ?? ActivityCity.Complaint(), CaseActor.System);

    /// <summary>Changes a case outside a workflow (to give it the state an activity starts from).</summary>
    protected Task<Case> ChangeAsync(Guid caseId, Action<Case> change) =>
        Database.Contexts.UpdateCaseAsync(caseId, (_, @case, _) =>
        {
            change(@case);
            return Task.CompletedTask;
        });

    /// <summary>A complaint routed to <see cref="ActivityCity.Lead"/> (assisted by <see cref="ActivityCity.Assisting"/>) and due at <see cref="Deadline"/>.</summary>
    protected async Task<Case> RoutedCaseAsync(CaseRegistration? registration = null)
    {
        var registered = await RegisterAsync(registration);
        return await ChangeAsync(registered.Id, c =>
        {
            c.Route(ActivityCity.Lead, [ActivityCity.Assisting], ActivityCity.Rule, ActivityCity.Subject, "按责转办", CaseDatabase.Start);
            c.SetDeadline(Deadline, false, new DeadlineRuleSnapshot("category-deadlines", 1, 10, DeadlineUnit.WorkingDays, CaseDatabase.Start), "dispatch", "投诉", CaseDatabase.Start);
        });
    }

    /// <summary>Publishes the flow under a definition id of its own and starts it.</summary>
    protected async Task<RunResult> RunAsync(ActivityFlow flow) => await Runtime.StartAsync(await PublishAsync(flow), new StartOptions());

    /// <summary>Publishes the flow under a definition id of its own, which it returns.</summary>
    protected async Task<string> PublishAsync(ActivityFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var definitionId = $"{flow.Activity.ToLowerInvariant()}-{Guid.NewGuid():N}";
        await WorkflowFileRunner.PublishImportedAsync(Runtime, flow.Build(definitionId));
        return definitionId;
    }

    /// <summary>The case as saved.</summary>
    protected async Task<Case> CaseAsync(Guid caseId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId);
    }

    /// <summary>The kinds of the case's timeline events, in order.</summary>
    protected async Task<List<CaseEventKind>> TimelineAsync(Guid caseId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync();
    }

    /// <summary>The case's last event, which must be of <paramref name="kind"/>, and its typed data.</summary>
    protected async Task<(CaseEvent Event, TData Data)> LastEventAsync<TData>(Guid caseId, CaseEventKind kind)
        where TData : class
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var last = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId).OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(kind, last.Kind);
        return (last, CaseEventData.Read<TData>(last.Data) ?? throw new Xunit.Sdk.XunitException($"The {kind} event has no {typeof(TData).Name}: {last.Data}"));
    }

    /// <summary>The inbox rows, oldest first.</summary>
    protected async Task<List<InboxTask>> InboxAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        return (await db.InboxTasks.AsNoTracking().ToListAsync()).OrderBy(t => t.CreatedAt).ThenBy(t => t.UnitCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>A workflow output as text (lists as JSON, moments in ISO 8601).</summary>
    protected static string? Text(RunResult run, string output)
    {
        ArgumentNullException.ThrowIfNull(run);
        return ValueConverter.ToText(run.Output.GetValueOrDefault(output));
    }

    /// <summary>The port the activity left by.</summary>
    protected static string? Outcome(RunResult run) => Text(run, ActivityFlow.OutcomeOutput);

    /// <summary>Asserts the run finished without incidents.</summary>
    protected static void AssertFinished(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.True(run.Incidents.Count == 0, string.Join("\n", run.Incidents.Select(i => i.Message)));
        Assert.Equal(WorkflowSubStatus.Finished, run.SubStatus);
    }

    /// <summary>
    /// Asserts the activity refused: the instance faulted with one incident on it whose message contains
    /// <paramref name="message"/>, and the case is as it was (<paramref name="before"/>).
    /// </summary>
    protected async Task AssertRefusedAsync(RunResult run, string message, Case? before)
    {
        ArgumentNullException.ThrowIfNull(run);
        Assert.Equal(WorkflowSubStatus.Faulted, run.SubStatus);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("act", incident.ActivityId);
        Assert.Contains(message, incident.Message, StringComparison.Ordinal);
        if (before is not null)
            Assert.Equal(CaseState.Of(before), CaseState.Of(await CaseAsync(before.Id)));
    }

    /// <summary>What an activity may change on a case; <see cref="Case.Version"/> and the event sequence catch any recorded event.</summary>
    private sealed record CaseState(CaseStatus Status, string? LeadUnitCode, string AssistingUnits, DateTimeOffset? DeadlineAt, WarningLevel Warning,
        int EscalationLevel, int ReopenCount, string LinkedCases, long Version, int LastEventSequence)
    {
        public static CaseState Of(Case c) => new(c.Status, c.LeadUnitCode, string.Join(",", c.AssistingUnitCodes), c.DeadlineAt, c.Warning,
            c.EscalationLevel, c.ReopenCount, string.Join(",", c.LinkedCaseIds), c.Version, c.LastEventSequence);
    }
}
