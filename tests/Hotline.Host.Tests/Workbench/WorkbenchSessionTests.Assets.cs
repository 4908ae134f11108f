using System.Net;

namespace Hotline.Host.Tests.Workbench;

/// <summary>The workbench's front-end packages come from this host (installed from npm by the build), never from a CDN.</summary>
public abstract partial class WorkbenchSessionTests<THost>
{
    [Fact]
    public async Task Should_serve_apache_echarts_from_this_host_When_a_page_loads_it()
    {
        using var browser = Browser();
        using var response = await browser.GetAsync("/_content/Hotline.Workbench/lib/echarts/echarts.min.js");
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("version=\"6.1.0\"", script, StringComparison.Ordinal);
    }
}
