using System.Net;
using Hotline.Domain.Operations;
using Hotline.Host.Telemetry;
using Microsoft.AspNetCore.Http;

namespace Hotline.Host.Tests.Telemetry;

/// <summary>Who may read the metrics: loopback, the configured networks, or the bearer of the scrape token.</summary>
public sealed class ScrapeAccessTests
{
    private const string Token = "scrape-token-for-the-rule-tests";

    [Theory]
    [InlineData("127.0.0.1", null, true)]
    [InlineData("::1", null, true)]
    [InlineData("::ffff:127.0.0.1", null, true)]
    [InlineData("10.20.3.4", null, true)]
    [InlineData("10.21.3.4", null, false)]
    [InlineData("203.0.113.7", null, false)]
    [InlineData("::ffff:203.0.113.7", null, false)]
    [InlineData(null, null, false)]
    [InlineData("203.0.113.7", "Bearer " + Token, true)]
    [InlineData("203.0.113.7", "bearer " + Token, true)]
    [InlineData("203.0.113.7", "Bearer " + Token + "x", false)]
    [InlineData("203.0.113.7", "Basic " + Token, false)]
    [InlineData("127.0.0.1", "Bearer wrong-token", false)]
    public void Should_let_in_only_loopback_the_configured_networks_and_the_token_When_someone_scrapes(string? address, string? authorization, bool allowed)
    {
        var access = new ScrapeAccess(new TelemetryOptions { ScrapeToken = Token, ScrapeNetworks = ["10.20.0.0/16"] });
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = address is null ? null : IPAddress.Parse(address);
        if (authorization is not null)
            context.Request.Headers.Authorization = authorization;

        Assert.Equal(allowed, access.Allows(context));
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("Forwarded", "for=203.0.113.7")]
    [InlineData("X-Real-IP", "203.0.113.7")]
    public void Should_let_in_only_the_token_When_the_request_came_through_a_proxy_the_host_does_not_trust(string header, string value)
    {
        // nginx on the same machine: the connection is loopback, the caller is anyone on the internet.
        var access = new ScrapeAccess(new TelemetryOptions { ScrapeToken = Token });
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers[header] = value;
        Assert.False(access.Allows(context));

        context.Request.Headers.Authorization = "Bearer " + Token;
        Assert.True(access.Allows(context));
    }

    [Fact]
    public void Should_refuse_every_bearer_When_no_token_is_configured()
    {
        var access = new ScrapeAccess(new TelemetryOptions());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse("203.0.113.7");
        context.Request.Headers.Authorization = "Bearer anything-at-all-here";

        Assert.False(access.Allows(context));
    }

    [Theory]
    [InlineData("ScrapeToken", "short", "Hotline:Telemetry:ScrapeToken")]
    [InlineData("ScrapeNetworks", "not-a-network", "Hotline:Telemetry:ScrapeNetworks")]
    [InlineData("ScrapePath", "metrics", "Hotline:Telemetry:ScrapePath")]
    [InlineData("MaxUnits", "0", "Hotline:Telemetry:MaxUnits")]
    public void Should_name_the_setting_When_the_telemetry_options_are_invalid(string setting, string value, string named)
    {
        var options = new TelemetryOptions();
        switch (setting)
        {
            case "ScrapeToken": options.ScrapeToken = value; break;
            case "ScrapeNetworks": options.ScrapeNetworks = [value]; break;
            case "ScrapePath": options.ScrapePath = value; break;
            default: options.MaxUnits = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        var result = new TelemetryOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(named, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()).Succeeded);
    }
}
