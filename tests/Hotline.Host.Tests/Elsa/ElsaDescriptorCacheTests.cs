using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Elsa;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// The activity catalogue the Studio asks for on every editor it opens is kept serialized (ActivityDescriptorCache):
/// the kept answer is byte for byte the catalogue's, carries an ETag the Studio can revalidate (304), and is made again
/// when a definition usable as an activity is published or a unit its dropdowns list is added.
/// </summary>
public sealed class ElsaDescriptorCacheTests : IAsyncLifetime
{
    private const string Child = """
        {"definitionId":"cache-child","name":"Cache child","version":1,"options":{"usableAsActivity":true},
         "inputs":[{"name":"Who","type":"String"}],
         "root":{"id":"f","type":"Elsa.Flowchart","version":1,"activities":[
           {"id":"say","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}}}],
          "connections":[]}}
        """;

    private HotlineFactory _factory = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _factory = new HotlineFactory();
        _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _factory.DisposeAsync();
    }

    private async Task<HttpResponseMessage> DescriptorsAsync(string? ifNoneMatch = null, string? language = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ElsaStudio.Api + "/descriptors/activities");
        if (ifNoneMatch is not null)
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        if (language is not null)
            request.Headers.AcceptLanguage.ParseAdd(language);
        return await _admin.SendAsync(request);
    }

    [Fact]
    public async Task Should_answer_the_catalogues_own_bytes_and_304_for_its_tag_When_the_descriptors_are_asked_again()
    {
        using var first = await DescriptorsAsync();
        var kept = await first.Content.ReadAsByteArrayAsync();
        var tag = first.Headers.ETag!.ToString();
        using var second = await DescriptorsAsync();
        using var revalidated = await DescriptorsAsync(ifNoneMatch: tag);
        using var english = await DescriptorsAsync(ifNoneMatch: tag, language: "en-US");

        var catalog = _factory.Services.GetRequiredService<ActivityDescriptorCatalog>();
        var items = await catalog.ListAsync("zh");
        var built = JsonSerializer.SerializeToUtf8Bytes(new ListResponse<ActivityDescriptorModel>(items, items.Count), _factory.Services.GetRequiredService<ElsaWireFormat>().Options);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("application/json", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal(built, kept);
        Assert.Equal(kept, await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(tag, second.Headers.ETag!.ToString());
        Assert.Contains("no-cache", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
        // Another language is another answer, with its own tag.
        Assert.Equal(HttpStatusCode.OK, english.StatusCode);
        Assert.NotEqual(tag, english.Headers.ETag!.ToString());
        Assert.NotEqual(kept, await english.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Should_describe_the_new_activity_and_unit_When_a_definition_is_published_or_a_unit_added_after_the_catalogue_was_kept()
    {
        using var before = await DescriptorsAsync();
        var tag = before.Headers.ETag!.ToString();
        Assert.DoesNotContain("cache-child", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var saved = await ElsaStudio.PostAsync(_admin, "/workflow-definitions", new JsonObject { ["model"] = JsonNode.Parse(Child), ["publish"] = true });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        using var published = await DescriptorsAsync(ifNoneMatch: tag);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.NotEqual(tag, published.Headers.ETag!.ToString());
        Assert.Contains("cache-child", await published.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Written straight to the database (another host, an import): the dropdowns list it on the next request.
        await using (var db = await _factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
        {
            db.HandlingUnits.Add(new HandlingUnit { Code = "CACHE-U1", Name = "缓存测试单位", Level = UnitLevel.District, DistrictCode = "990103" });
            await db.SaveChangesAsync();
        }

        using var withUnit = await DescriptorsAsync(ifNoneMatch: published.Headers.ETag!.ToString());
        Assert.Equal(HttpStatusCode.OK, withUnit.StatusCode);
        Assert.Contains("CACHE-U1", await withUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
