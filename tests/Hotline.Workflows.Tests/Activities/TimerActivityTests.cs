using System.Globalization;
using Hotline.Workflows.Activities.Timers;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Elsa.Delay, Timer, StartAt and Cron: a bookmark with ResumeAt, fired by ResumeDueTimersAsync once the fake clock is past it.</summary>
public sealed class TimerActivityTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Around(string id, string type, Action<ActivityJson> configure) => new FlowchartBuilder()
        .Start()
        .WriteLine("before", "before")
        .Add(id, type, configure)
        .WriteLine("after", "after")
        .Chain("start", "before", id, "after");

    [Theory]
    [InlineData("Elsa.Delay", "timeSpan")]
    [InlineData("Elsa.Timer", "interval")]
    public async Task Should_wait_until_now_plus_the_span_and_fire_only_when_due_When_a_delay_or_timer_runs(string type, string input)
    {
        var started = _engine.Clock.GetUtcNow();
        var result = await _engine.RunAsync(Around("wait", type, a => a.Literal(input, "00:30:00", "TimeSpan")));

        Assert.Equal(WorkflowSubStatus.Suspended, result.SubStatus);
        var bookmark = Assert.Single(result.Bookmarks);
        Assert.Equal(type, bookmark.Name);
        Assert.Equal(started + TimeSpan.FromMinutes(30), bookmark.ResumeAt);
        Assert.Equal(["before"], _engine.Output.Lines);

        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromMinutes(29)));
        Assert.Equal(["before"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Suspended, (await _engine.InstanceAsync(result.InstanceId)).SubStatus);

        Assert.Equal(1, await _engine.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(["before", "after"], _engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, (await _engine.InstanceAsync(result.InstanceId)).SubStatus);
        Assert.Equal(["Started", "Suspended", "Resumed", "Completed"], await _engine.EventsOfAsync(result.InstanceId, "wait"));
    }

    [Fact]
    public async Task Should_schedule_the_timer_with_the_bookmark_scheduler_When_a_delay_suspends()
    {
        var result = await _engine.RunAsync(Around("wait", "Elsa.Delay", a => a.Literal("timeSpan", "01:00:00", "TimeSpan")));

        var scheduler = Assert.IsType<Hotline.Workflows.Scheduling.InMemoryBookmarkScheduler>(_engine.Runtime.BookmarkScheduler);
        var scheduled = Assert.Single(scheduler.Scheduled);
        Assert.Equal(result.InstanceId, scheduled.InstanceId);
        Assert.Equal(result.Bookmarks[0].Id, scheduled.BookmarkId);

        await _engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Empty(scheduler.Scheduled);
    }

    [Fact]
    public async Task Should_continue_at_once_When_start_at_is_in_the_past()
    {
        var past = _engine.Clock.GetUtcNow().AddDays(-1).ToString("O", CultureInfo.InvariantCulture);

        var result = await _engine.RunAsync(Around("at", "Elsa.StartAt", a => a.Literal("dateTime", past, "DateTimeOffset")));

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
        Assert.Equal(["before", "after"], _engine.Output.Lines);
        Assert.DoesNotContain("Suspended", await _engine.EventsOfAsync(result.InstanceId, "at"));
    }

    [Fact]
    public async Task Should_wait_for_the_moment_When_start_at_is_in_the_future()
    {
        var at = _engine.Clock.GetUtcNow().AddHours(2);

        var result = await _engine.RunAsync(Around("at", "Elsa.StartAt", a => a.Literal("dateTime", at.ToString("O", CultureInfo.InvariantCulture), "DateTimeOffset")));

        Assert.Equal(at, Assert.Single(result.Bookmarks).ResumeAt);
        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(["before"], _engine.Output.Lines);
        Assert.Equal(1, await _engine.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(["before", "after"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_wait_for_the_next_occurrence_When_a_cron_runs()
    {
        // The fake clock starts at 2026-02-13 09:00 +08:00 = 01:00 UTC; "30 * * * *" next fires at 01:30 UTC.
        var result = await _engine.RunAsync(Around("cron", "Elsa.Cron", a => a.Literal("cronExpression", "30 * * * *")));

        Assert.Equal(new DateTimeOffset(2026, 2, 13, 1, 30, 0, TimeSpan.Zero), Assert.Single(result.Bookmarks).ResumeAt);
        Assert.Equal(0, await _engine.AdvanceAsync(TimeSpan.FromMinutes(29)));
        Assert.Equal(1, await _engine.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(["before", "after"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_report_a_validation_error_When_a_cron_expression_is_invalid()
    {
        var workflow = Around("cron", "Elsa.Cron", a => a.Literal("cronExpression", "61 * * * *"));

        var blueprint = await _engine.Runtime.CompileAsync(workflow.Definition());
        var cron = Assert.IsType<Cron>(blueprint.Nodes.Values.Single(n => n.Id == "cron").Activity);

        var error = Assert.Single(cron.Validate());
        Assert.Contains("Invalid cron expression", error, StringComparison.Ordinal);
        Assert.Contains("'61'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_no_validation_error_When_a_cron_expression_is_valid()
    {
        var blueprint = await _engine.Runtime.CompileAsync(Around("cron", "Elsa.Cron", a => a.Literal("cronExpression", "0 0 8 ? * MON-FRI")).Definition());

        Assert.Empty(blueprint.Nodes.Values.Single(n => n.Id == "cron").Activity.Validate());
    }

    [Fact]
    public async Task Should_refuse_to_publish_naming_the_activity_When_a_cron_expression_is_invalid()
    {
        var definition = Around("cron", "Elsa.Cron", a => a.Literal("cronExpression", "61 * * * *")).Definition();

        var error = await Assert.ThrowsAsync<WorkflowDefinitionException>(() => WorkflowFileRunner.PublishImportedAsync(_engine.Runtime, definition));

        var problem = Assert.Single(error.Errors);
        Assert.Equal("cron", problem.ActivityId);
        Assert.Equal("Elsa.Cron", problem.ActivityType);
        Assert.Contains("Invalid cron expression", problem.Message, StringComparison.Ordinal);
        Assert.Empty(await _engine.Definitions.ListVersionsAsync(definition.DefinitionId));
    }

    [Fact]
    public async Task Should_fault_naming_the_field_When_a_computed_cron_expression_is_invalid()
    {
        // Only literal expressions can be checked when publishing; a computed one fails when it runs.
        var result = await _engine.RunAsync(Around("cron", "Elsa.Cron", a => a.JavaScript("cronExpression", "'61 * * * *'", "String")));

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Contains("minute", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
        Assert.Equal(["before"], _engine.Output.Lines);
    }

    [Fact]
    public async Task Should_pass_validation_When_checking_every_activity_of_the_timer_fixture()
    {
        var definition = WorkflowDefinitionReader.ReadFile(TestEngine.SharedPath("elsa-fixtures", "timer-workflow.json"));

        var blueprint = await _engine.Runtime.CompileAsync(definition);

        Assert.Contains(blueprint.Nodes.Values, n => n.Type is "Elsa.Timer" or "Elsa.Delay" or "Elsa.Cron" or "Elsa.StartAt");
        Assert.Empty(blueprint.Nodes.Values.SelectMany(n => n.Activity.Validate()));
    }
}
