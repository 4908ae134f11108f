using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Host.Tests.Cases;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.ComputeDeadline</c>: the deadline from a limit, counted on the 2026 calendar from Monday 2 March 10:00.</summary>
public sealed class ComputeDeadlineTests : ActivityTest
{
    [Theory]
    [InlineData(10, "WorkingDays", 16)]
    [InlineData(3, "WorkingDays", 5)]
    [InlineData(7, "CalendarDays", 9)]
    public async Task Should_SetTheDeadlineAtTheEndOfTheDueDay_When_TheLimitCountsDays(int limit, string unit, int dueDayOfMarch)
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Compute(registered.Id, limit, unit).With("RuleName", "投诉").Output("DeadlineAt"));

        AssertFinished(run);
        var due = new DateTimeOffset(2026, 3, dueDayOfMarch, 17, 30, 0, China);
        Assert.Equal(due, DateTimeOffset.Parse(Text(run, "DeadlineAt")!, System.Globalization.CultureInfo.InvariantCulture));
        var @case = await CaseAsync(registered.Id);
        Assert.Equal((due, false), (@case.DeadlineAt, @case.IsDeadlineProvisional));
        Assert.Equal(new DeadlineRuleSnapshot("category-deadlines", 0, limit, Enum.Parse<DeadlineUnit>(unit), CaseDatabase.Start), @case.DeadlineRule);
        var (_, data) = await LastEventAsync<DeadlineSetData>(registered.Id, CaseEventKind.DeadlineSet);
        Assert.Equal(("dispatch", due, false, "投诉", limit, Enum.Parse<DeadlineUnit>(unit)), (data.Reason, data.DeadlineAt, data.Provisional, data.Rule, data.Limit, data.Unit));
    }

    [Fact]
    public async Task Should_BeDueAtOnceAndFreezeThePublishedRuleVersion_When_TheLimitIsImmediate()
    {
        var registered = await RegisterAsync();
        var rules = await PublishAsync(new ActivityFlow("WaitForDeadline"));

        var run = await RunAsync(Compute(registered.Id, 0, "Immediate").With("RuleDefinitionId", rules).With("Reason", "reclassify"));

        AssertFinished(run);
        var @case = await CaseAsync(registered.Id);
        Assert.Equal(CaseDatabase.Start, @case.DeadlineAt);
        Assert.Equal((rules, 1), (@case.DeadlineRule!.DefinitionId, @case.DeadlineRule.DefinitionVersion));
        var (_, data) = await LastEventAsync<DeadlineSetData>(registered.Id, CaseEventKind.DeadlineSet);
        Assert.Equal(("reclassify", rules, (int?)1), (data.Reason, data.RuleDefinitionId, data.RuleVersion));
    }

    [Theory]
    [InlineData(-1, "WorkingDays", "A deadline limit cannot be negative (-1).")]
    [InlineData(2, "WorkingHours", "'WorkingHours' is not a deadline unit (WorkingDays, CalendarDays, Immediate).")]
    [InlineData(2, "Weeks", "'Weeks' is not a deadline unit")]
    public async Task Should_FaultAndSetNoDeadline_When_TheLimitIsNegativeOrTheUnitUnknown(int limit, string unit, string message)
    {
        var registered = await RegisterAsync();

        var run = await RunAsync(Compute(registered.Id, limit, unit));

        await AssertRefusedAsync(run, message, registered);
    }

    private static ActivityFlow Compute(Guid caseId, int limit, string unit) =>
        new ActivityFlow("ComputeDeadline").With("CaseId", caseId.ToString()).With("LimitDays", limit).With("Unit", unit);
}
