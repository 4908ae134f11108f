using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests.ElsaTests;

/// <summary>
/// Elsa 3.8's FlowchartCompletion, JoinBehaviors and ExplicitJoins scenarios (test/integration/Elsa.Workflows.IntegrationTests/
/// Scenarios/…): the definitions unchanged, the results Elsa's tests state.
/// </summary>
public sealed class ElsaScenarioFlowTests
{
    [Theory]
    [InlineData("workflow1.json")]
    [InlineData("workflow2.json")]
    [InlineData("workflow3.json")]
    [InlineData("workflow4.json")]
    [InlineData("workflow5.json")]
    [InlineData("workflow6.json")]
    public async Task Should_finish_When_running_a_FlowchartCompletion_workflow(string file)
    {
        var (result, _) = await RunAsync("FlowchartCompletion", file);

        Assert.Equal(WorkflowStatus.Finished, result.Status);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Theory]
    [InlineData("fork-decision-join-none.json", new[] { "A", "C" })]
    [InlineData("fork-decision-join-converge.json", new[] { "A" })]
    [InlineData("fork-decision-join-converge-strict.json", new[] { "A" })]
    [InlineData("fork-decision-join-waitall.json", new[] { "A", "C", "B", "D" })]
    public async Task Should_write_the_lines_Elsa_states_When_running_a_fork_decision_join(string file, string[] lines)
    {
        var (_, engine) = await RunAsync("JoinBehaviors", file);

        Assert.Equal(lines, engine.Output.Lines);
    }

    [Fact]
    public async Task Should_fault_after_the_join_waited_for_all_When_the_decision_leads_to_a_fault()
    {
        var (result, engine) = await RunAsync("JoinBehaviors", "fork-decision-join-waitall.json");

        Assert.Equal(WorkflowSubStatus.Faulted, result.SubStatus);
        Assert.Equal("that went south", Assert.Single(result.Incidents).Message);
        Assert.DoesNotContain("F", engine.Output.Lines);
    }

    [Fact]
    public async Task Should_finish_When_an_implicit_join_merges_both_branches_of_a_decision()
    {
        var (result, _) = await RunAsync("JoinBehaviors", "decision-merge-join-none.json");

        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Fact]
    public async Task Should_complete_the_join_once_When_two_branches_reach_it()
    {
        var (result, engine) = await RunAsync("JoinBehaviors", "join.json");

        Assert.Single(await CompletedEntriesAsync(engine, result.InstanceId, "802725996be1b582"));
    }

    [Fact]
    public async Task Should_complete_the_ParallelForEach_once_When_its_body_holds_a_join()
    {
        var (result, engine) = await RunAsync("JoinBehaviors", "parallel-join.json");

        Assert.Single(await CompletedEntriesAsync(engine, result.InstanceId, "70fc1183cd5800f2"));
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    [Theory]
    [InlineData("join-any-1.json", "Start; End")]
    [InlineData("join-all-1.json", "Start; Line 1; Line 2; End")]
    [InlineData("join-all-2.json", "Start; Line 1; Line 2; End")]
    public async Task Should_write_the_lines_and_finish_When_running_an_explicit_join(string file, string lines)
    {
        var (result, engine) = await RunAsync("ExplicitJoins", file);

        Assert.Equal(lines.Split(';', StringSplitOptions.TrimEntries), engine.Output.Lines);
        Assert.Equal(WorkflowSubStatus.Finished, result.SubStatus);
    }

    private static async Task<(RunResult Result, TestEngine Engine)> RunAsync(string scenario, string file)
    {
        var engine = new TestEngine();
        var result = await WorkflowFileRunner.RunAsync(engine.Runtime, [TestEngine.RepositoryPath("tests", "Hotline.Workflows.Tests", "ElsaTests", scenario, file)], fastTimers: true);
        // As Elsa's RunWorkflowUntilEndAsync: resume every bookmark for as long as the instance runs and has some.
        while (result.Status == WorkflowStatus.Running && result.Bookmarks.Count > 0)
            foreach (var bookmark in result.Bookmarks.ToList())
                result = await engine.Runtime.ResumeAsync(result.InstanceId, bookmark.Id, null);
        return (result, engine);
    }

    private static async Task<List<JournalEntry>> CompletedEntriesAsync(TestEngine engine, string instanceId, string activityId) =>
        (await engine.Instances.GetJournalAsync(instanceId)).Where(e => e.ActivityId == activityId && e.EventName == "Completed").ToList();
}
