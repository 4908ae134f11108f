using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Search;

/// <summary>
/// <c>GET /api/cases?q=</c>: full-text search in Chinese over content and address, for cases registered through the
/// real intake (<c>POST /api/cases</c>, the lifecycle's burst), within what the caller may see, on each database.
/// </summary>
public abstract class CaseSearchTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            // A second subject, routed to the other bureau, so that two units each lead a case.
            db.AddRange(
                new Subject { Code = "SR-BUILD", Name = "建筑施工", DefaultCaseType = CaseType.Complaint },
                new RoutingRule { Id = "R-BUILD", SubjectCode = "SR-BUILD", DistrictCode = "990103", LeadUnitCode = "DH-ZJ", Priority = 10 });
            await db.SaveChangesAsync();
        }

        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<string> RegisterAsync(string content, string address = "东湖区新华路1号", string subjectCode = "SR-ROAD", string key = HotlineFactory.IntegratorKey)
    {
        using var client = _host.Factory.CreateIntegratorClient(key);
        using var response = await client.PostAsJsonAsync("/api/cases", new
        {
            channel = "Web", content, type = "Complaint", subjectCode, citizenName = "张敏", citizenPhone = "13800138000", address, districtCode = "990103",
        });
        var json = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {json}");
        return json!["number"]!.GetValue<string>();
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync(new Uri("/api/cases?" + query, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["items"]!.AsArray().Select(c => c!["number"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Should_FindANewlyRegisteredCase_When_AWordOfItsContentIsSearched()
    {
        var noise = await RegisterAsync("夜间施工噪音扰民");
        var stall = await RegisterAsync("小区门口占道经营，影响通行");

        Assert.Equal([noise], await SearchAsync(_admin, "q=噪音"));
        Assert.Equal([noise], await SearchAsync(_admin, "q=施工"));
        Assert.Equal([stall], await SearchAsync(_admin, "q=" + Uri.EscapeDataString("占道经营")));
        Assert.Empty(await SearchAsync(_admin, "q=噪音&status=Closed"));
    }

    [Fact]
    public async Task Should_FindTheCase_When_AWordOfItsAddressIsSearched()
    {
        var park = await RegisterAsync("路灯不亮", address: "东湖区滨江公园北门");
        await RegisterAsync("路灯不亮", address: "东湖区新华路1号");

        Assert.Equal([park], await SearchAsync(_admin, "q=滨江公园"));
    }

    [Fact]
    public async Task Should_RankTheCaseSharingMoreWordsFirst_When_NoCaseHasThemAll()
    {
        var fence = await RegisterAsync("工地施工围挡占用人行道");
        var noise = await RegisterAsync("夜间施工噪音扰民");

        // No case has 施工, 噪音 and 垃圾: the cases with any of them, the one with two first.
        Assert.Equal([noise, fence], await SearchAsync(_admin, "q=" + Uri.EscapeDataString("施工噪音 垃圾")));
    }

    [Fact]
    public async Task Should_ReturnOnlyTheUnitsCases_When_AUnitUserSearches()
    {
        var road = await RegisterAsync("夜间占道施工噪音扰民");
        var building = await RegisterAsync("工地夜间施工噪音扰民", subjectCode: "SR-BUILD");
        var cg = await _host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var zj = await _host.Factory.CreateUserClientAsync("zj-chen", ["unit"], "DH-ZJ");

        Assert.Equal([road], await SearchAsync(cg, "q=噪音"));
        Assert.Equal([building], await SearchAsync(zj, "q=噪音"));
        Assert.Equal([building], await SearchAsync(_admin, "q=噪音&unitCode=DH-ZJ"));
    }

    [Fact]
    public async Task Should_ReturnOnlyItsOwnCases_When_AnIntegratorSearches()
    {
        var own = await RegisterAsync("夜间施工噪音扰民");
        var others = await RegisterAsync("夜间施工噪音扰民", key: HotlineFactory.OtherIntegratorKey);
        using var portal = _host.Factory.CreateIntegratorClient();
        using var wechat = _host.Factory.CreateIntegratorClient(HotlineFactory.OtherIntegratorKey);

        Assert.Equal([own], await SearchAsync(portal, "q=噪音"));
        Assert.Equal([others], await SearchAsync(wechat, "q=噪音"));
    }

    [Theory]
    [InlineData("q=%EF%BC%8C%E3%80%82%EF%BC%81")] // ，。！
    [InlineData("q=%20%20")]
    [InlineData("TOO-LONG")] // 噪音 × 101: 202 characters, over the 200 a search takes
    public async Task Should_Answer400NamingQ_When_TheQueryIsOnlyPunctuationOrTooLong(string query)
    {
        if (query == "TOO-LONG")
            query = "q=" + Uri.EscapeDataString(string.Concat(Enumerable.Repeat("噪音", 101)));
        using var response = await _admin.GetAsync(new Uri("/api/cases?" + query, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(problem!["errors"]!["q"]);
    }

    [Fact]
    public async Task Should_IndexTheCasesWithoutAnEntry_When_TheHostStarts()
    {
        var noise = await RegisterAsync("夜间施工噪音扰民");
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            await db.CaseSearchEntries.ExecuteDeleteAsync();
        Assert.Empty(await SearchAsync(_admin, "q=噪音"));

        // What start-up runs after the migration (a database from before the ChineseSearch migration has no entries).
        await _host.Factory.Services.MigrateHotlineDatabaseAsync();

        Assert.Equal([noise], await SearchAsync(_admin, "q=噪音"));
    }
}

public sealed class SqliteCaseSearchTests : CaseSearchTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlCaseSearchTests : CaseSearchTests
{
    protected override bool OnPostgreSql => true;
}
