using System.Net.Http.Headers;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Telemetry;

/// <summary>One host for the telemetry tests: traces on, a scrape token, gauges read afresh at every scrape, no timer sweep of its own.</summary>
public sealed class TelemetryHost : IAsyncLifetime
{
    public const string ScrapeToken = "test-scrape-token-8c41d2e7";

    // Monday 2026-03-02 10:00 China time: a working day.
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(8));

    public LifecycleHost Host { get; private set; } = null!;

    public HotlineFactory Factory => Host.Factory;

    /// <summary>Scrapes the metrics as Prometheus does, with the token; the answer must be 200.</summary>
    public async Task<PrometheusText> ScrapeAsync()
    {
        using var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ScrapeToken);
        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new PrometheusText(text);
    }

    public async Task InitializeAsync()
    {
        Host = await LifecycleHost.StartAsync(Monday, false, new Dictionary<string, string?>
        {
            ["Hotline:Telemetry:Metrics"] = "true",
            ["Hotline:Telemetry:Traces"] = "true",
            ["Hotline:Telemetry:ScrapeToken"] = ScrapeToken,
            ["Hotline:Telemetry:GaugeCacheDuration"] = "00:00:00",
            // The test moves the clock past a timer and reads the lag before anything fires it.
            ["Hotline:Scheduling:SweepInterval"] = "01:00:00",
        });
        await ApiCity.SeedAsync(Host.Contexts);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
