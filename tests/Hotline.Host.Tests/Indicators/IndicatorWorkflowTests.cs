using Hotline.Domain.Cases;
using Hotline.Domain.Indicators;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Domain.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Indicators;

/// <summary>
/// Indicators over cases driven through the shipped workflows and the inbox (not seeded), so the computation is
/// proven against what the activities and the inbox really write.
/// </summary>
public abstract class IndicatorWorkflowTests : IAsyncLifetime
{
    private const string Centre = "RX-PD";
    private const string CallbackDesk = "RX-HF";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, China);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = Centre, Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-ZJ", Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_compute_the_figures_from_what_the_workflows_record_When_cases_are_handled_through_the_inbox()
    {
        // A: answered within the hour (sign-for on time), accepted, satisfied and resolved: closed.
        await _host.StartCaseAsync("Complaint", "小区门口占道经营", subjectCode: "SR-ROAD");
        await _host.AdvanceToAsync(Monday.AddHours(1));
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已责令商户退回店内经营" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        await _host.ActAsync(CallbackDesk, "Satisfied", new { resolved = true }, centre: true);

        // B: registered at 10:00; CG signs for it only on Tuesday 09:30 (due Monday 12:00, late) and returns it; the
        // centre moves it to ZJ, which answers at once; the citizen is unsatisfied and it is reopened.
        await _host.StartCaseAsync("Complaint", "商铺占道经营", subjectCode: "SR-ROAD");
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 3, 3, 9, 30, 0, China));
        await _host.ActAsync("DH-CG", "Returned", new { reason = "该路段属住建部门管辖" });
        await _host.ActAsync(Centre, "Approved", new { unitCode = "DH-ZJ" }, centre: true);
        await _host.ActAsync("DH-ZJ", "Completed", new { answer = "已清理占道物品" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        await _host.ActAsync(CallbackDesk, "Unsatisfied", new { resolved = false }, centre: true);

        var report = await _host.Factory.Services.GetRequiredService<IndicatorService>().ComputeAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));

        Assert.Equal(
            new IndicatorFigures(
                OnTimeCompletion: Figure.Of(2, 2),
                // Registered 2, closed 1 (A; B was reopened).
                Completion: Figure.Of(1, 2),
                Satisfaction: Figure.Of(1, 2),
                Resolution: Figure.Of(1, 2),
                Callback: Figure.Of(2, 2),
                // Handle sign-fors: A at CG ✓, B at CG ✗, B at ZJ ✓; the centre's review and callback sign-fors do not count.
                TimelySignFor: Figure.Of(2, 3),
                // Dispatches: A → CG, B → CG, B → ZJ; B's first was returned.
                Return: Figure.Of(1, 3),
                Extension: Figure.Of(0, 3),
                Rehandle: Figure.Of(1, 2),
                DirectAnswer: Figure.Of(0, 2),
                CitizenSatisfaction: Figure.Of(0, 0)),
            report.CityWide);
        Assert.Equal(["DH-CG", "DH-ZJ"], report.Units.Select(u => u.UnitCode));
        var cg = report.Units[0].Figures;
        Assert.Equal((Figure.Of(1, 2), Figure.Of(1, 2), Figure.Of(1, 2), Figure.Of(1, 1)), (cg.TimelySignFor, cg.Return, cg.Completion, cg.Satisfaction));
        var zj = report.Units[1].Figures;
        Assert.Equal((Figure.Of(1, 1), Figure.Of(0, 1), Figure.Of(0, 1), Figure.Of(1, 1)), (zj.TimelySignFor, zj.Completion, zj.Satisfaction, zj.Rehandle));
    }
}

/// <summary>The workflow-driven indicators on SQLite.</summary>
public sealed class SqliteIndicatorWorkflowTests : IndicatorWorkflowTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The workflow-driven indicators on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlIndicatorWorkflowTests : IndicatorWorkflowTests
{
    protected override bool OnPostgreSql => true;
}
