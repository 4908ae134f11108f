using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Host.Tests.Cases;
using Hotline.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Activities;

/// <summary><c>Hotline.RegisterCase</c>: 受理.</summary>
public sealed class RegisterCaseTests : ActivityTest
{
    [Fact]
    public async Task Should_RegisterTheCaseAndOutputItsIdAndNumber_When_TheRequestIsValid()
    {
        var run = await RunAsync(new ActivityFlow("RegisterCase")
            .With("Channel", "Web").With("Content", "小区门口占道经营").With("CaseType", "Complaint").With("SubjectCode", ActivityCity.Subject)
            .With("CitizenName", "张敏").With("CitizenPhone", "138-0013-8000").With("Address", "东湖区新华路1号").With("DistrictCode", ActivityCity.District)
            .With("Urgency", "Urgent").With("SubmittedBy", "op-li")
            .Output("CaseId").Output("CaseNumber"));

        AssertFinished(run);
        var @case = await CaseAsync(Guid.Parse(Text(run, "CaseId")!));
        Assert.Equal("20260302-000001", Text(run, "CaseNumber"));
        Assert.Equal("20260302-000001", @case.Number);
        Assert.Equal((CaseStatus.Registered, CaseChannel.Web, CaseType.Complaint, CaseUrgency.Urgent), (@case.Status, @case.Channel, @case.Type, @case.Urgency));
        Assert.Equal(("13800138000", "op-li", run.InstanceId), (@case.CitizenPhone, @case.SubmittedBy, @case.WorkflowInstanceId));
        Assert.Equal(CaseDatabase.Start, @case.CreatedAt);
        var (_, data) = await LastEventAsync<RegisteredData>(@case.Id, CaseEventKind.Registered);
        Assert.Equal(new RegisteredData(CaseChannel.Web, CaseType.Complaint, ActivityCity.Subject, CaseUrgency.Urgent, "op-li"), data);
        var instance = await Database.Get<IWorkflowInstanceStore>().FindAsync(run.InstanceId);
        Assert.Equal(@case.Number, instance!.CorrelationId);
    }

    [Fact]
    public async Task Should_FaultNamingTheFieldsAndRegisterNothing_When_TheContentIsMissingAndTheChannelUnknown()
    {
        var run = await RunAsync(new ActivityFlow("RegisterCase").With("Channel", "Fax").With("CaseType", "Complaint").Output("CaseId"));

        await AssertRefusedAsync(run, "channel: 'Fax' is not a channel", before: null);
        Assert.Contains("content: The citizen's request is required.", run.Incidents[0].Message, StringComparison.Ordinal);
        await using var db = await Database.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.Cases.CountAsync());
    }
}
