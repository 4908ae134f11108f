using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Host.Tests.Reference;

namespace Hotline.Host.Tests.Search;

/// <summary>
/// <c>GET /api/knowledge/search</c> over the full-text index, with articles loaded and edited through the reference
/// import (the path administrators use), on each database.
/// </summary>
public abstract class KnowledgeSearchTests : IAsyncLifetime
{
    private const string Header = "id,title,question,answer,subjectCode,keywords,updatedAt,active";
    private const string Construction = "KB-1,夜间施工噪音扰民怎么投诉,晚上工地还在施工，噪音太大怎么办？,夜间22时至次日6时禁止产生噪声污染的建筑施工作业，可向生态环境部门投诉。,,施工噪音 夜间施工,2026-01-05,true";
    private const string Renovation = "KB-2,装修时间有什么规定,邻居天天装修怎么办？,住宅装修应在规定时间内进行，产生噪音的作业避开休息时间；可请物业劝阻。,,装修 物业,2026-01-05,true";

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;
    private HttpClient _operator = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        _operator = await _host.Factory.CreateUserClientAsync("op-wu", ["operator"]);
        await ImportAsync(Construction, Renovation);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task ImportAsync(params string[] rows)
    {
        using var form = ReferenceFiles.Form(("knowledge.csv", ReferenceFiles.Csv([Header, .. rows])));
        using var response = await _admin.PostAsync(new Uri("/api/admin/reference/import?dryRun=false", UriKind.Relative), form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> SearchAsync(string words)
    {
        var hits = await _operator.GetFromJsonAsync<JsonArray>(new Uri("/api/knowledge/search?q=" + Uri.EscapeDataString(words), UriKind.Relative));
        return hits!.Select(h => h!["id"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task Should_FindTheArticleAndRankTheBetterMatchFirst_When_SearchingInChinese()
    {
        Assert.Equal(["KB-1"], await SearchAsync("工地施工"));
        // Both mention noise; the one with it in its title and keywords comes first.
        Assert.Equal(["KB-1", "KB-2"], await SearchAsync("噪音"));
    }

    [Fact]
    public async Task Should_FollowTheEdit_When_AnArticleIsImportedAgainWithNewWords()
    {
        Assert.Equal(["KB-2"], await SearchAsync("时间规定"));

        await ImportAsync(Construction, "KB-2,房屋装修备案怎么办理,装修前要去哪里备案？,住宅装修前应向物业服务企业登记，涉及承重结构的须向住建部门申请。,,装修备案 物业,2026-03-02,true");

        Assert.Equal(["KB-2"], await SearchAsync("装修备案"));
        Assert.Empty(await SearchAsync("时间规定"));
    }
}

public sealed class SqliteKnowledgeSearchTests : KnowledgeSearchTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlKnowledgeSearchTests : KnowledgeSearchTests
{
    protected override bool OnPostgreSql => true;
}
