using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Api;

/// <summary>"Who gets this case?": the routing simulator answers with the rule the workflows would use, and refuses what it cannot answer.</summary>
public abstract class RoutingSimulatorTests : IAsyncLifetime
{
    private LifecycleHost _host = null!;
    private HttpClient _dispatcher = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        _dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_name_the_lead_unit_and_the_rule_When_a_rule_matches_the_subject_and_district()
    {
        var answer = await _dispatcher.GetFromJsonAsync<JsonObject>("/api/admin/routing/simulate?subjectCode=SR-ROAD&districtCode=990103");

        Assert.Equal("DH-CG", answer!["leadUnitCode"]!.GetValue<string>());
        Assert.Equal("R-ROAD", answer["ruleId"]!.GetValue<string>());
        Assert.False(answer["isDefaultDispatch"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_send_it_to_the_dispatch_desk_When_no_rule_matches_the_district()
    {
        var answer = await _dispatcher.GetFromJsonAsync<JsonObject>("/api/admin/routing/simulate?subjectCode=SR-ROAD&districtCode=990199");

        Assert.True(answer!["isDefaultDispatch"]!.GetValue<bool>());
        Assert.Null(answer["ruleId"]);
    }

    [Theory]
    [InlineData("/api/admin/routing/simulate", "subjectCode")]
    [InlineData("/api/admin/routing/simulate?subjectCode=SR-NOPE", "subjectCode")]
    [InlineData("/api/admin/routing/simulate?subjectCode=SR-ROAD&districtCode=12", "districtCode")]
    public async Task Should_answer_400_naming_the_field_When_the_question_is_not_valid(string url, string field)
    {
        using var response = await _dispatcher.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Should_refuse_a_unit_user_When_it_asks()
    {
        var unit = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");

        Assert.Equal(HttpStatusCode.Forbidden, (await unit.GetAsync("/api/admin/routing/simulate?subjectCode=SR-ROAD")).StatusCode);
    }
}

public sealed class SqliteRoutingSimulatorTests : RoutingSimulatorTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlRoutingSimulatorTests : RoutingSimulatorTests
{
    protected override bool OnPostgreSql => true;
}
