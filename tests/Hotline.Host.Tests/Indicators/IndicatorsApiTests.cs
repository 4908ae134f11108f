using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Security;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Host.Tests.Indicators.TimelineSeed;
using Hotline.Domain.Users;

namespace Hotline.Host.Tests.Indicators;

/// <summary><c>/api/indicators</c>, <c>/api/indicators/ranking</c> and <c>/api/reports/daily</c> over HTTP.</summary>
public sealed class IndicatorsApiTests : IAsyncLifetime
{
    private const string Indicators = "/api/indicators?from=2026-03-01&to=2026-04-01";
    private const string Ranking = "/api/indicators/ranking?month=2026-03";
    private const string Daily = "/api/reports/daily?date=2026-03-20";

    private readonly HotlineFactory _factory = new();

    public async Task InitializeAsync()
    {
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<Hotline.Domain.Persistence.HotlineDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.Add(new HandlingUnit { Code = "U-CG", Name = "城管局", Level = UnitLevel.District, DistrictCode = "990103" });
        var s = new TimelineSeed(db);
        // One answer on time with a satisfied callback, one answered late and still open: overdue on the 20th.
        var onTime = s.Register(L(2, 9));
        s.Dispatch(onTime, L(2, 9), "U-CG", Due(16)).Sign(onTime, L(2, 10), "U-CG", onTime: true).Answer(onTime, L(5, 10), "U-CG")
            .Finish(onTime, L(5, 11), L(6, 10), "Satisfied", resolved: true);
        var late = s.Register(L(3, 9));
        s.Dispatch(late, L(3, 9), "U-CG", Due(10)).Sign(late, L(3, 10), "U-CG", onTime: false);
        s.DirectAnswer(L(20, 10));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData(Indicators)]
    [InlineData(Ranking)]
    [InlineData(Daily)]
    public async Task Should_answer_401_When_no_credentials_are_sent(string url)
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData(Indicators, HotlineRoles.Operator)]
    [InlineData(Ranking, HotlineRoles.CallbackAgent)]
    [InlineData(Daily, HotlineRoles.Operator)]
    public async Task Should_answer_403_When_the_user_has_another_role(string url, string role)
    {
        using var client = await _factory.CreateUserClientAsync("user-" + role, [role]);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Should_answer_403_When_a_unit_user_or_an_integrator_asks()
    {
        using var unit = await _factory.CreateUserClientAsync("cg-user", [HotlineRoles.Unit], "U-CG");
        using var integrator = _factory.CreateIntegratorClient();

        using var byUnit = await unit.GetAsync(new Uri(Indicators, UriKind.Relative));
        using var byIntegrator = await integrator.GetAsync(new Uri(Daily, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, byUnit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byIntegrator.StatusCode);
    }

    [Theory]
    [InlineData("/api/indicators?to=2026-04-01", "from")]
    [InlineData("/api/indicators?from=2026-03-01", "to")]
    [InlineData("/api/indicators?from=2026-03-01&to=2026-13-01", "to")]
    [InlineData("/api/indicators?from=01/03/2026&to=2026-04-01", "from")]
    [InlineData("/api/indicators?from=2026-04-01&to=2026-03-01", "to")]
    [InlineData("/api/indicators?from=2026-03-01&to=2026-03-01", "to")]
    [InlineData("/api/indicators?from=2025-01-01&to=2026-04-01", "to")]
    [InlineData("/api/indicators?from=1899-12-31&to=2026-04-01", "from")]
    [InlineData("/api/indicators?from=2026-03-01&to=2026-04-01&unitCode=U-NONE", "unitCode")]
    [InlineData("/api/indicators/ranking", "month")]
    [InlineData("/api/indicators/ranking?month=2026-3", "month")]
    [InlineData("/api/indicators/ranking?month=2026-13", "month")]
    [InlineData("/api/reports/daily", "date")]
    [InlineData("/api/reports/daily?date=2026-02-30", "date")]
    [InlineData("/api/reports/daily?date=9999-12-31", "date")]
    public async Task Should_answer_400_naming_the_field_When_the_query_is_invalid(string url, string field)
    {
        using var client = await _factory.CreateUserClientAsync("leader", [HotlineRoles.Leader]);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        var errors = problem["errors"]!.AsObject();
        Assert.Equal([field], errors.Select(e => e.Key));
    }

    [Theory]
    [InlineData(HotlineRoles.Leader)]
    [InlineData(HotlineRoles.Supervisor)]
    [InlineData(HotlineRoles.Administrator)]
    [InlineData(HotlineRoles.Dispatcher)]
    public async Task Should_answer_the_indicators_in_camel_case_When_a_reader_asks(string role)
    {
        using var client = await _factory.CreateUserClientAsync("reader-" + role, [role]);

        using var response = await client.GetAsync(new Uri(Indicators, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("2026-03-01", body["from"]!.GetValue<string>());
        Assert.Equal("2026-04-01", body["to"]!.GetValue<string>());
        Assert.Equal("Asia/Shanghai", body["timeZone"]!.GetValue<string>());
        var city = body["cityWide"]!;
        // Answers: 1 of 1 on time; sign-fors: 1 of 2 on time; registered 3, closed 2 (the direct answer and the satisfied case).
        Assert.Equal((1, 1, 1.0), Figure(city["onTimeCompletion"]));
        Assert.Equal((1, 2, 0.5), Figure(city["timelySignFor"]));
        Assert.Equal((2, 3, 0.6667), Figure(city["completion"]));
        Assert.Equal((1, 3, 0.3333), Figure(city["directAnswer"]));
        Assert.Equal((0, 2, 0.0), Figure(city["extension"]));
        Assert.Equal(
            ["onTimeCompletion", "completion", "satisfaction", "resolution", "callback", "timelySignFor", "return", "extension", "rehandle", "directAnswer", "citizenSatisfaction"],
            city.AsObject().Select(p => p.Key));
        var unit = Assert.Single(body["units"]!.AsArray())!;
        Assert.Equal(("U-CG", "城管局"), (unit["unitCode"]!.GetValue<string>(), unit["unitName"]!.GetValue<string>()));
        Assert.Equal((0, 0, (double?)null), FigureOrNull(unit["figures"]!["directAnswer"]));
    }

    [Fact]
    public async Task Should_answer_one_unit_When_the_unit_code_is_given()
    {
        using var client = await _factory.CreateUserClientAsync("leader", [HotlineRoles.Leader]);

        using var response = await client.GetAsync(new Uri(Indicators + "&unitCode=U-CG", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unit = Assert.Single(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["units"]!.AsArray())!;
        Assert.Equal((1, 2, 0.5), Figure(unit["figures"]!["timelySignFor"]));
    }

    [Fact]
    public async Task Should_answer_the_ranking_and_the_daily_report_When_a_leader_asks()
    {
        using var client = await _factory.CreateUserClientAsync("leader", [HotlineRoles.Leader]);

        using var ranking = await client.GetAsync(new Uri(Ranking, UriKind.Relative));
        using var daily = await client.GetAsync(new Uri(Daily, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ranking.StatusCode);
        var rank = JsonNode.Parse(await ranking.Content.ReadAsStringAsync())!;
        Assert.Equal("2026-03", rank["month"]!.GetValue<string>());
        Assert.Equal(30, rank["weights"]!["onTimeCompletion"]!.GetValue<double>());
        var line = Assert.Single(rank["units"]!.AsArray())!;
        Assert.Equal(1, line["rank"]!.GetValue<int>());
        Assert.Equal("U-CG", line["unitCode"]!.GetValue<string>());
        // 30×1 + 30×1 + 20×1 + 10×1/2 + 5×(1−0) + 5×(1−0) = 95.
        Assert.Equal(95, line["score"]!.GetValue<double>());

        Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        var report = JsonNode.Parse(await daily.Content.ReadAsStringAsync())!;
        Assert.Equal("2026-03-20", report["date"]!.GetValue<string>());
        Assert.Equal(1, report["registered"]!.GetValue<int>());
        Assert.Equal(1, report["directAnswers"]!.GetValue<int>());
        Assert.Equal("Phone", report["byChannel"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(1, report["byChannel"]![0]!["count"]!.GetValue<int>());
        Assert.Equal(3, report["hotSpotRule"]!["minimumCount"]!.GetValue<int>());
        Assert.Empty(report["hotSpots"]!.AsArray());
        var overdue = Assert.Single(report["overdue"]!.AsArray())!;
        Assert.Equal("U-CG", overdue["leadUnitCode"]!.GetValue<string>());
        Assert.Equal("城管局", overdue["leadUnitName"]!.GetValue<string>());
        // Due Tuesday 10 March; 11–13 and 16–20 March are 8 working days.
        Assert.Equal(8, overdue["daysOverdue"]!.GetValue<int>());
        Assert.Equal(Due(10), overdue["deadlineAt"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task Should_describe_the_endpoints_in_the_openapi_document()
    {
        using var client = _factory.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var paths = document["paths"]!.AsObject();
        Assert.Equal("GetIndicators", paths["/api/indicators"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("GetUnitRanking", paths["/api/indicators/ranking"]!["get"]!["operationId"]!.GetValue<string>());
        Assert.Equal("GetDailyReport", paths["/api/reports/daily"]!["get"]!["operationId"]!.GetValue<string>());
    }

    private static (int, int, double) Figure(JsonNode? figure) =>
        (figure!["numerator"]!.GetValue<int>(), figure["denominator"]!.GetValue<int>(), figure["rate"]!.GetValue<double>());

    private static (int, int, double?) FigureOrNull(JsonNode? figure) =>
        (figure!["numerator"]!.GetValue<int>(), figure["denominator"]!.GetValue<int>(), figure["rate"]?.GetValue<double>());
}
