using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.CheckDuplicates</c>: 重复诉求.</summary>
public sealed class CheckDuplicatesTests : ActivityTest
{
    [Fact]
    public async Task Should_LinkBothCasesAndLeaveByDuplicate_When_TheSameCallerHasAnOpenCase()
    {
        var earlier = await RegisterAsync(ActivityCity.Complaint(subject: null));
        var repeated = await RegisterAsync(ActivityCity.Complaint(subject: null) with { Content = "又来占道了" });

        var run = await RunAsync(Check(repeated.Id));

        AssertFinished(run);
        Assert.Equal("Duplicate", Outcome(run));
        Assert.Equal($"[\"{earlier.Number}\"]", Text(run, "DuplicateNumbers"));
        Assert.Equal([earlier.Id], (await CaseAsync(repeated.Id)).LinkedCaseIds);
        Assert.Equal([repeated.Id], (await CaseAsync(earlier.Id)).LinkedCaseIds);
        Assert.Equal(new DuplicateLinkedData(earlier.Id, earlier.Number, "duplicateOf"), (await LastEventAsync<DuplicateLinkedData>(repeated.Id, CaseEventKind.DuplicateLinked)).Data);
        Assert.Equal(new DuplicateLinkedData(repeated.Id, repeated.Number, "duplicatedBy"), (await LastEventAsync<DuplicateLinkedData>(earlier.Id, CaseEventKind.DuplicateLinked)).Data);
    }

    [Fact]
    public async Task Should_LeaveByUniqueAndLinkNothing_When_NoOtherOpenCaseMatches()
    {
        var other = await RegisterAsync(ActivityCity.Complaint(phone: "13900000000", subject: null) with { Address = "东湖区人民路9号" });
        var single = await RegisterAsync(ActivityCity.Complaint(subject: null));

        var run = await RunAsync(Check(single.Id));

        AssertFinished(run);
        Assert.Equal("Unique", Outcome(run));
        Assert.Equal("[]", Text(run, "DuplicateNumbers"));
        Assert.Equal((single.Version, other.Version), ((await CaseAsync(single.Id)).Version, (await CaseAsync(other.Id)).Version));
    }

    [Fact]
    public async Task Should_FaultNamingTheCase_When_TheCaseDoesNotExist()
    {
        var unknown = Guid.NewGuid();

        var run = await RunAsync(Check(unknown));

        await AssertRefusedAsync(run, $"Case {unknown} does not exist.", before: null);
    }

    private static ActivityFlow Check(Guid caseId) =>
        new ActivityFlow("CheckDuplicates").With("CaseId", caseId.ToString()).Output("DuplicateNumbers").Ports("Unique", "Duplicate");
}
