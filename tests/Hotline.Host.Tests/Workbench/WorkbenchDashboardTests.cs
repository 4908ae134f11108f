using Hotline.Domain.Persistence;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Hotline.Domain.Cases;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.CaseQuery;
using Hotline.Workbench.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The leader's dashboard and the case list behind its charts (<see cref="IWorkbenchDashboard"/>,
/// <see cref="IWorkbenchCaseQuery"/> as the host implements them): two complaints on Monday 2 March 2026, one by web and
/// one by phone, both led by 东湖区城管局, then the clock past their deadline.
/// </summary>
public abstract class WorkbenchDashboardTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClaimsPrincipal Leader = WorkbenchPeople.Person("ld-zhou", HotlineRoles.Leader);

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        var phone = JsonSerializer.SerializeToNode(ApiCity.Complaint("路口摊贩占道"))!;
        phone["channel"] = "Phone";
        (await integrator.PostAsJsonAsync("/api/cases", phone)).EnsureSuccessStatusCode();
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var latest = await db.Cases.AsNoTracking().MaxAsync(c => c.DeadlineAt);
        await _host.AdvanceToAsync(latest!.Value.AddMinutes(1));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<DashboardData?> DashboardAsync(ClaimsPrincipal user, string? unitCode = null) =>
        WorkbenchPeople.UseAsync<IWorkbenchDashboard, DashboardData?>(_host.Factory, d => d.LoadAsync(user, null, unitCode, default));

    private Task<FilteredCases> ListAsync(ClaimsPrincipal user, params (string Name, string? Value)[] filters) =>
        WorkbenchPeople.UseAsync<IWorkbenchCaseQuery, FilteredCases>(_host.Factory, q => q.ListAsync(user, filters.ToDictionary(f => f.Name, f => f.Value), 1, 20, default));

    [Fact]
    public async Task Should_answer_nothing_When_a_unit_user_an_operator_or_a_dispatcher_asks_for_the_dashboard()
    {
        Assert.Null(await DashboardAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG")));
        Assert.Null(await DashboardAsync(WorkbenchPeople.Person("op-wang", HotlineRoles.Operator)));
        Assert.Null(await DashboardAsync(WorkbenchPeople.Person("pd-qian", HotlineRoles.Dispatcher)));
        Assert.NotNull(await DashboardAsync(WorkbenchPeople.Person("db-sun", HotlineRoles.Supervisor)));
    }

    [Fact]
    public async Task Should_count_the_overdue_cases_of_a_unit_as_its_case_list_lists_them()
    {
        var data = (await DashboardAsync(Leader))!;

        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1)), (data.From, data.To));
        Assert.Equal([new UnitCount("DH-CG", "东湖区城管局", 2)], data.Overdue);
        var list = await ListAsync(Leader, ("unitCode", "DH-CG"), ("overdue", "true"));
        Assert.Equal((ListTotal.Exact(2), "东湖区城管局", true), (list.Total, list.Applied.Unit, list.Applied.Overdue));
    }

    [Fact]
    public async Task Should_list_the_cases_of_one_channel_and_day_When_a_volume_bar_is_followed()
    {
        var day = (await DashboardAsync(Leader, "DH-CG"))!.Volumes.Days.Single(d => d.Date == new DateOnly(2026, 3, 2));
        var list = await ListAsync(Leader, ("channel", "Phone"), ("from", "2026-03-02"), ("to", "2026-03-02"), ("unitCode", "DH-CG"));

        Assert.Equal((1, 1), (day.ByChannel.Single(l => l.Key == "Phone").Count, day.ByChannel.Single(l => l.Key == "Web").Count));
        var item = Assert.Single(list.Items);
        Assert.Equal("路口摊贩占道", item.Content);
        Assert.Equal((CaseChannel.Phone, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2)), (list.Applied.Channel, list.Applied.From!.Value, list.Applied.To!.Value));
        Assert.Empty((await ListAsync(Leader, ("channel", "Phone"), ("from", "2026-03-03"))).Items);
    }

    [Fact]
    public async Task Should_name_the_bad_filter_When_the_channel_or_date_is_not_valid()
    {
        var list = await ListAsync(Leader, ("channel", "Pigeon"), ("from", "2026-13-01"));

        Assert.Equal(["channel", "from"], list.Errors.Keys.Order());
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task Should_list_only_what_the_person_may_see_When_a_unit_user_or_another_districts_supervisor_filters()
    {
        Assert.Equal(ListTotal.Exact(2), (await ListAsync(WorkbenchPeople.Person("cg-li", HotlineRoles.Unit, "DH-CG"), ("overdue", "true"))).Total);
        Assert.Equal(ListTotal.Exact(0), (await ListAsync(WorkbenchPeople.Person("zj-li", HotlineRoles.Unit, "DH-ZJ"), ("overdue", "true"))).Total);
        var elsewhere = (await DashboardAsync(WorkbenchPeople.Person("xq-sun", HotlineRoles.Supervisor, districtCode: "990104")))!;
        Assert.Empty(elsewhere.Overdue);
        Assert.Equal(0, elsewhere.Volumes.Days.Sum(d => d.Registered));
    }

    [Fact]
    public async Task Should_filter_by_channel_When_the_api_is_asked()
    {
        using var integrator = _host.Factory.CreateIntegratorClient();

        var page = await integrator.GetFromJsonAsync<JsonElement>("/api/cases?channel=Phone&from=2026-03-02&to=2026-03-02");
        var refused = await integrator.GetAsync("/api/cases?channel=Pigeon");

        Assert.Equal(1, page.GetProperty("total").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("channel", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>The dashboard and case list on SQLite.</summary>
public sealed class SqliteWorkbenchDashboardTests : WorkbenchDashboardTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The dashboard and case list on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchDashboardTests : WorkbenchDashboardTests
{
    protected override bool OnPostgreSql => true;
}
