using Hotline.Domain.Activities;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Scheduling;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>
/// A <see cref="WaitForDeadline"/> anchored on a fixed moment that is resumed before that moment (its timer made due
/// early, as when a case's deadline moves earlier) waits again for the same moment instead of firing.
/// </summary>
public sealed class WaitForDeadlineResumeTests
{
    // Mon 2026-03-02 09:00 China time (the factory's clock): two working days later is Wed 2026-03-04 09:00.
    private static readonly DateTimeOffset Due = new(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string Definition = """
        {"id":"wait-now-v1","definitionId":"wait-now","name":"Wait now","version":1,
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,
           "activities":[
             {"id":"w","type":"TYPE","version":1,
              "anchor":{"typeName":"String","expression":{"type":"Literal","value":"Now"}},
              "offset":{"typeName":"Int32","expression":{"type":"Literal","value":"2"}},
              "unit":{"typeName":"String","expression":{"type":"Literal","value":"WorkingDays"}}},
             {"id":"done","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"fired"}}}],
           "connections":[{"source":{"activity":"w","port":"Done"},"target":{"activity":"done","port":"In"}}]}}
        """.Replace("TYPE", WaitForDeadline.TypeName, StringComparison.Ordinal);

    [Fact]
    public async Task Should_wait_again_for_the_same_moment_When_a_wait_anchored_on_now_is_resumed_early()
    {
        using var factory = new HotlineFactory();
        // No sweep but the start-up one, which has run when the definition is published: only this test resumes the timer.
        var host = factory.Quiet();
        await host.PublishAsync(Definition);
        var runtime = host.Runtime();
        var started = await runtime.StartAsync("wait-now", new StartOptions());
        var timer = Assert.Single(started.Bookmarks);
        Assert.Equal(WaitForDeadline.TypeName, timer.Name);
        Assert.Equal(Due, timer.ResumeAt);

        factory.Clock.Advance(TimeSpan.FromHours(20));
        var early = await runtime.ResumeAsync(started.InstanceId, timer.Id);

        Assert.Equal(WorkflowSubStatus.Suspended, early.SubStatus);
        Assert.Equal(Due, Assert.Single(early.Bookmarks).ResumeAt);
        Assert.DoesNotContain(await runtime.Instances.GetJournalAsync(started.InstanceId), e => e.ActivityId == "w" && e.EventName == "Completed");
    }
}
