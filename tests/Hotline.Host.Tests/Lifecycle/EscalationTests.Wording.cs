using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Workflows.Definitions;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>
/// One source per ladder step: a step's name on the timeline and its notice's text state the wait before it from that
/// wait's own count, so an administrator who changes a count changes the words with it.
/// </summary>
public abstract partial class EscalationTests
{
    [Fact]
    public async Task Should_move_level_2_and_restate_its_name_and_notice_When_an_administrator_changes_its_wait_from_3_to_2_working_days()
    {
        var model = WorkflowDefinitionReader.ReadFile(LifecycleHost.DefinitionPath("escalation-13710"));
        var nodes = (JsonArray)model.Document["root"]!["activities"]!;
        nodes.Single(a => a!["id"]!.GetValue<string>() == "wait-level2")!["offset"]!["expression"]!["value"] = "2";
        nodes.Single(a => a!["id"]!.GetValue<string>() == "report-due")!["offset"]!["expression"]!["value"] = "2";
        var published = await new WorkflowDefinitionService(_host.Runtime).SaveAndPublishAsync(model);
        await AdvanceToAsync(Accepted);
        var caseId = await CreateCaseAsync(SpringDeadline);

        await StartLadderAsync(caseId);

        Assert.Equal(2, published.Version);
        await ExpectLadderAsync(caseId,
            (Local(2026, 2, 14, 17, 30), ["WarningYellow", "Notified:LeadUnit"]),
            (Local(2026, 2, 24, 17, 30), ["WarningRed", "Notified:LeadUnit", "Notified:Dispatcher"]),
            (Local(2026, 2, 25, 17, 30), ["Escalated:1", "Notified:UnitHead"]),
            (Local(2026, 2, 26, 17, 30), ["Escalated:2", "Notified:Supervisor"]), // two working days after the deadline, not three
            (Local(2026, 2, 26, 23, 59), ["SupervisionCheckpoint:1d", "Notified:Supervisor"]),
            (Local(2026, 2, 28, 17, 30), ["SupervisionCheckpoint:3d", "Notified:Supervisor"])); // the report is due after two calendar days
        var events = await LadderEventsAsync(caseId);
        var level2 = events.FindIndex(e => e.Kind == CaseEventKind.Escalated && Data(e)["level"]!.GetValue<int>() == 2);
        Assert.Equal("13710 督办：超过办理时限 2 个工作日，政府督查室专项督办", Data(events[level2])["name"]!.GetValue<string>());
        Assert.StartsWith("工单超过办理时限 2 个工作日仍未办结，转入 13710 专项督办", Data(events[level2 + 1])["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var report = Data(events.Single(e => e.Kind == CaseEventKind.SupervisionCheckpoint && Data(e)["checkpoint"]!.GetValue<string>() == "3d"));
        Assert.Equal("13710 督办：2 个自然日内反馈进展", report["name"]!.GetValue<string>());
    }
}
