using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Domain.Operations;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.CaseOperations;

/// <summary>
/// The indicators after the centre's operations, through the shipped definitions: a voided case counts nowhere, a
/// merged duplicate is counted once (as the case that answers it), a reclassified case counts under its current type,
/// and a complex case's answer is judged on time by its complex deadline.
/// </summary>
public abstract class CaseOperationIndicatorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateOnly March2 = new(2026, 3, 2);
    private static readonly OperationActor Dispatcher = new("pd-wang", "王派单");

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    private T Get<T>() where T : notnull => _host.Factory.Services.GetRequiredService<T>();

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" });
        db.Add(new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint });
        db.Add(new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_leave_out_voided_and_merged_cases_and_count_a_reclassified_one_under_its_new_type_When_the_indicators_are_read()
    {
        var kept = await StartAsync("路口占道经营", "13800000001");
        var duplicate = await StartAsync("路口占道经营又来了", "13800000002");
        var testCall = await StartAsync("测试来电", "13800000003");
        var reclassified = await StartAsync("建议增设夜市摊位", "13800000004");
        var operations = Get<Hotline.Domain.Operations.CaseOperations>();

        Assert.Equal(CaseOperationStatus.Done, (await operations.VoidAsync(testCall.Id, "测试电话", Dispatcher)).Status);
        Assert.Equal(CaseOperationStatus.Done, (await operations.MergeAsync(duplicate.Id, kept.Id, "同一问题", Dispatcher)).Status);
        Assert.Equal(CaseOperationStatus.Done, (await operations.ReclassifyAsync(reclassified.Id, CaseType.Suggestion, null, "实为建议", Dispatcher)).Status);

        var figures = await Get<IndicatorService>().ComputeAsync(March2, March2.AddDays(1));
        var daily = await Get<DailyReportService>().BuildAsync(March2);

        Assert.Equal(2, figures.CityWide.Completion.Denominator);
        Assert.Equal(2, figures.CityWide.DirectAnswer.Denominator);
        Assert.Equal(2, daily.Registered);
        Assert.Equal(1, daily.ByType.Single(l => l.Key == nameof(CaseType.Complaint)).Count);
        Assert.Equal(1, daily.ByType.Single(l => l.Key == nameof(CaseType.Suggestion)).Count);
    }

    [Fact]
    public async Task Should_judge_the_answer_on_time_by_the_complex_deadline_When_a_complex_case_is_answered_after_its_first_deadline()
    {
        var complex = await StartAsync("老旧小区管网改造涉及多个部门", "13800000005");
        var firstDeadline = complex.DeadlineAt!.Value;
        var marked = await Get<Hotline.Domain.Operations.CaseOperations>().MarkComplexAsync(complex.Id, 15, "涉及多部门", Dispatcher);
        Assert.True(marked.Case!.DeadlineAt > firstDeadline.AddDays(5), $"{marked.Case.DeadlineAt} after {firstDeadline}");

        // Answered two days after the first deadline: late by it, on time by the complex one.
        await _host.AdvanceToAsync(firstDeadline.AddDays(2));
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已协调供水、燃气部门联合改造" });
        var answeredOn = DateOnly.FromDateTime(firstDeadline.AddDays(2).ToOffset(TimeSpan.FromHours(8)).DateTime);

        var figures = await Get<IndicatorService>().ComputeAsync(answeredOn, answeredOn.AddDays(1));

        Assert.Equal((1, 1), (figures.CityWide.OnTimeCompletion.Numerator, figures.CityWide.OnTimeCompletion.Denominator));
    }

    private async Task<Case> StartAsync(string content, string phone) =>
        await _host.CaseOfAsync((await _host.StartCaseAsync("Complaint", content, subjectCode: "SR-ROAD", phone: phone)).InstanceId);
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCaseOperationIndicatorTests : CaseOperationIndicatorTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCaseOperationIndicatorTests : CaseOperationIndicatorTests
{
    protected override bool OnPostgreSql => true;
}
