using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Runtime;

/// <summary>The journal: Started, Suspended, Resumed, Completed lines per activity, numbered across bursts, with node ids.</summary>
public sealed class JournalTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Workflow() => new FlowchartBuilder("journal")
        .Start()
        .WriteLine("hello", "hello")
        .HumanTask("task", "Review")
        .WriteLine("bye", "bye")
        .Chain("start", "hello", "task", "bye");

    [Fact]
    public async Task Should_journal_each_activity_in_order_with_increasing_sequence_numbers_When_an_instance_suspends_and_resumes()
    {
        var started = await _engine.RunAsync(Workflow());
        var firstBurst = await _engine.Instances.GetJournalAsync(started.InstanceId);
        _engine.Clock.Advance(TimeSpan.FromMinutes(5));
        await _engine.Runtime.CompleteTaskAsync(_engine.Task("Review").TaskId, new TaskCompletion("Done"));

        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId);

        Assert.Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i), journal.Select(j => j.Sequence));
        Assert.True(journal.Count > firstBurst.Count);
        Assert.Equal(firstBurst.Select(j => j.Id), journal.Take(firstBurst.Count).Select(j => j.Id));
        Assert.Equal(
            [
                ("flowchart1", "Started"),
                ("start", "Started"), ("start", "Completed"),
                ("hello", "Started"), ("hello", "Completed"),
                ("task", "Started"), ("task", "Suspended"),
                ("task", "Resumed"), ("task", "Completed"),
                ("bye", "Started"), ("bye", "Completed"),
                ("flowchart1", "Completed"),
            ],
            journal.Select(j => (j.ActivityId, j.EventName)));
        Assert.All(journal, j => Assert.Equal(started.InstanceId, j.WorkflowInstanceId));
    }

    [Fact]
    public async Task Should_carry_node_ids_types_and_parents_When_journal_lines_are_written()
    {
        var started = await _engine.RunAsync(Workflow());
        await _engine.Runtime.CompleteTaskAsync(_engine.Task("Review").TaskId, new TaskCompletion("Done"));

        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId);

        var root = journal.First(j => j.ActivityId == "flowchart1");
        Assert.Equal("Workflow1:flowchart1", root.NodeId);
        Assert.Null(root.ParentActivityInstanceId);
        var task = journal.Where(j => j.ActivityId == "task").ToList();
        Assert.All(task, j => Assert.Equal("Workflow1:flowchart1:task", j.NodeId));
        Assert.All(task, j => Assert.Equal("Hotline.HumanTask", j.ActivityType));
        Assert.All(task, j => Assert.Equal(root.ActivityInstanceId, j.ParentActivityInstanceId));
        Assert.Single(task.Select(j => j.ActivityInstanceId).Distinct());
        Assert.NotNull(task.Single(j => j.EventName == "Suspended").Payload?["taskId"]);
    }

    [Fact]
    public async Task Should_stamp_lines_with_the_fake_clock_When_time_passes_between_bursts()
    {
        var startedAt = _engine.Clock.GetUtcNow();
        var started = await _engine.RunAsync(Workflow());
        _engine.Clock.Advance(TimeSpan.FromHours(3));
        await _engine.Runtime.CompleteTaskAsync(_engine.Task("Review").TaskId, new TaskCompletion("Done"));

        var journal = await _engine.Instances.GetJournalAsync(started.InstanceId);

        Assert.Equal(startedAt, journal.Single(j => j.ActivityId == "task" && j.EventName == "Suspended").Timestamp);
        Assert.Equal(startedAt.AddHours(3), journal.Single(j => j.ActivityId == "task" && j.EventName == "Resumed").Timestamp);
        var record = Assert.Single(await _engine.Instances.GetRecordsAsync(started.InstanceId), r => r.ActivityId == "task");
        Assert.Equal(ActivityStatus.Completed, record.Status);
        Assert.Equal(startedAt, record.StartedAt);
        Assert.Equal(startedAt.AddHours(3), record.CompletedAt);
    }

    [Fact]
    public async Task Should_page_the_journal_in_sequence_order_When_skip_and_take_are_given()
    {
        var started = await _engine.RunAsync(Workflow());

        var page = await _engine.Instances.GetJournalAsync(started.InstanceId, skip: 2, take: 3);

        Assert.Equal([3L, 4L, 5L], page.Select(j => j.Sequence));
    }
}

/// <summary>Journal lines and records share an activity's journal data until it changes it; a change never reaches a line already written.</summary>
public sealed class JournalPayloadSharingTests
{
    [Fact]
    public async Task Should_keep_each_line_as_written_When_the_activity_adds_to_its_data_later_in_the_same_context()
    {
        var definition = new FlowchartBuilder("journal-data").Start().HumanTask("task", "Review").Chain("start", "task").Definition();
        var blueprint = WorkflowCompiler.Compile(definition, Hotline.Workflows.Activities.ActivityRegistry.CreateDefault());
        var context = await WorkflowExecutor.StartAsync(blueprint, new StartOptions(), new EngineServices());
        var suspendedRecord = context.Records.Values.Single(r => r.ActivityId == "task");

        await WorkflowExecutor.ResumeAsync(context, context.Bookmarks[0].Id, new TaskCompletion("Done"));

        var lines = context.Journal.Where(j => j.ActivityId == "task").ToDictionary(j => j.EventName, j => j.Payload?.ToJsonString());
        var taskId = context.Journal.First(j => j.EventName == "Suspended").Payload!["taskId"]!.GetValue<string>();
        Assert.Equal($$"""{"taskId":"{{taskId}}"}""", lines["Suspended"]);
        Assert.Equal($$"""{"taskId":"{{taskId}}","outcome":"Done"}""", lines["Completed"]);
        Assert.Equal($$"""{"taskId":"{{taskId}}"}""", suspendedRecord.Payload!.ToJsonString());
        Assert.Equal(lines["Completed"], context.Records.Values.Single(r => r.ActivityId == "task").Payload!.ToJsonString());
    }
}
