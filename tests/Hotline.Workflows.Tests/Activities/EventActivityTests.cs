using System.Text.Json.Nodes;
using Hotline.Workflows.Activities.Events;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;

// Not "…Tests.Activities": TestEngine.cs refers to "Activities.Tasks" relative to Hotline.Workflows.Tests.
namespace Hotline.Workflows.Tests.ActivityTests;

/// <summary>Elsa.Event waits for a named event; Elsa.PublishEvent (or the runtime) delivers it with a payload.</summary>
public sealed class EventActivityTests
{
    private readonly TestEngine _engine = new();

    private static FlowchartBuilder Listener(string definitionId = "listener") => new FlowchartBuilder(definitionId)
        .Variable("Received", "Object")
        .Output("Payload")
        .Start()
        .Event("wait", "CaseClosed", resultVariable: "Received")
        .WriteLineJs("show", "'received ' + getReceived().caseNumber")
        .Add("out", "Elsa.SetOutput", a => a.Literal("outputName", "Payload").JavaScript("outputValue", "getReceived()"))
        .Chain("start", "wait", "show", "out");

    [Fact]
    public async Task Should_resume_the_waiting_workflow_with_the_payload_When_another_workflow_publishes_the_event()
    {
        var listener = await _engine.RunAsync(Listener(), new StartOptions { CorrelationId = "case-1" });
        Assert.Equal(WorkflowSubStatus.Suspended, listener.SubStatus);
        var bookmark = Assert.Single(listener.Bookmarks);
        Assert.Equal(Event.BookmarkName, bookmark.Name);
        Assert.Equal("CaseClosed", bookmark.Hash);

        var publisher = new FlowchartBuilder("publisher")
            .Start()
            .Add("publish", "Elsa.PublishEvent", a => a
                .Literal("eventName", "CaseClosed")
                .Literal("correlationId", "case-1")
                .ObjectValue("payload", """{"caseNumber":"HL-7"}"""))
            .Chain("start", "publish");
        var published = await _engine.RunAsync(publisher);

        Assert.Equal(WorkflowSubStatus.Finished, published.SubStatus);
        Assert.Equal(["received HL-7"], _engine.Output.LinesOf(listener.InstanceId));
        var stored = await _engine.InstanceAsync(listener.InstanceId);
        Assert.Equal(WorkflowSubStatus.Finished, stored.SubStatus);
        Assert.Equal("HL-7", stored.Output["Payload"]!["caseNumber"]!.GetValue<string>());
        var record = Assert.Single(await _engine.Instances.GetRecordsAsync(listener.InstanceId), r => r.ActivityId == "wait");
        Assert.Equal("HL-7", record.Outputs!["result"]!["caseNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_resume_only_the_instance_with_that_correlation_id_When_an_event_is_published_with_one()
    {
        var first = await _engine.RunAsync(Listener(), new StartOptions { CorrelationId = "case-1" });
        var second = await _engine.Runtime.StartAsync(await _engine.Runtime.CompileAsync(Listener().Definition()), new StartOptions { CorrelationId = "case-2" });

        await _engine.Runtime.PublishEventAsync("CaseClosed", "case-2", null, new JsonObject { ["caseNumber"] = "HL-2" });

        Assert.Empty(_engine.Output.LinesOf(first.InstanceId));
        Assert.Equal(["received HL-2"], _engine.Output.LinesOf(second.InstanceId));
        Assert.Equal(WorkflowSubStatus.Suspended, (await _engine.InstanceAsync(first.InstanceId)).SubStatus);
        Assert.Equal(WorkflowSubStatus.Finished, (await _engine.InstanceAsync(second.InstanceId)).SubStatus);
    }

    [Fact]
    public async Task Should_resume_every_waiting_instance_When_an_event_is_published_without_a_correlation_id()
    {
        var first = await _engine.RunAsync(Listener(), new StartOptions { CorrelationId = "case-1" });
        var second = await _engine.Runtime.StartAsync(await _engine.Runtime.CompileAsync(Listener().Definition()), new StartOptions { CorrelationId = "case-2" });

        await _engine.Runtime.PublishEventAsync("CaseClosed", null, null, new JsonObject { ["caseNumber"] = "HL-all" });

        Assert.Equal(["received HL-all"], _engine.Output.LinesOf(first.InstanceId));
        Assert.Equal(["received HL-all"], _engine.Output.LinesOf(second.InstanceId));
    }

    [Fact]
    public async Task Should_deliver_to_every_other_instance_When_an_earlier_delivery_ended_an_instance_that_had_two_bookmarks_for_the_event()
    {
        // Two Event activities wait for the same event; the first delivery reaches End and finishes the instance, so its
        // second bookmark is gone by the time the publisher gets to it.
        var racer = new FlowchartBuilder("racer")
            .Start()
            .Add("fork", "Elsa.FlowFork", a => a.ObjectValue("branches", """["A","B"]""", "String[]"))
            .Event("a", "CaseClosed")
            .Event("b", "CaseClosed")
            .Add("end", "Elsa.End")
            .WriteLine("bRan", "b ran")
            .Connect("start", "fork")
            .Connect("fork", "a", "A")
            .Connect("fork", "b", "B")
            .Connect("a", "end")
            .Connect("b", "bRan");
        var first = await _engine.RunAsync(racer);
        Assert.Equal(2, first.Bookmarks.Count);
        var listener = await _engine.RunAsync(Listener());

        await _engine.Runtime.PublishEventAsync("CaseClosed", null, null, new JsonObject { ["caseNumber"] = "HL-3" });

        Assert.Equal(WorkflowSubStatus.Finished, (await _engine.InstanceAsync(first.InstanceId)).SubStatus);
        Assert.Equal(["received HL-3"], _engine.Output.LinesOf(listener.InstanceId));
    }

    [Fact]
    public async Task Should_leave_the_listener_waiting_When_an_event_with_another_name_is_published()
    {
        var listener = await _engine.RunAsync(Listener());

        await _engine.Runtime.PublishEventAsync("CaseOpened", null, null, new JsonObject { ["caseNumber"] = "HL-1" });

        Assert.Empty(_engine.Output.Lines);
        Assert.Single((await _engine.InstanceAsync(listener.InstanceId)).Bookmarks);
    }
}
