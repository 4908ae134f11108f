using System.Net;
using System.Net.Http.Headers;
using Hotline.Host.Operations.Health;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Scheduling;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Host.Tests.Operations;

/// <summary>A quiet host (no sweep but the start-up one) that counts any timer late by five minutes as too many.</summary>
public sealed class HealthHost : IAsyncLifetime
{
    public HotlineFactory Factory { get; } = new();

    public WebApplicationFactory<Program> Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = Factory.Quiet(b => b.UseSetting("Hotline:Health:MaxLateTimers", "0").UseSetting("Hotline:Health:TimerLag", "00:05:00"));
        await Host.PublishAsync(TimerWorkflow.Json);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Factory.Dispose();
    }
}

/// <summary>
/// The load balancer's probes: anonymous, the status word alone (no check names, no errors, no versions), 503 when
/// the host must not get traffic.
/// </summary>
public sealed class HealthEndpointTests(HealthHost fixture) : IClassFixture<HealthHost>
{
    private static readonly string[] StatusWords = ["Healthy", "Degraded", "Unhealthy"];

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_answer_Healthy_to_anyone_When_the_host_and_its_database_are_up(string path)
    {
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var (status, body, content) = await GetAsync(client, path);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body);
        Assert.Equal("text/plain", content.MediaType);
    }

    [Fact]
    public async Task Should_stay_open_and_unredirected_When_the_caller_sends_a_wrong_token_or_session_cookie()
    {
        using var client = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        client.DefaultRequestHeaders.Add("Cookie", Hotline.Host.Security.SessionCookie.Name + "=forged");

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/ready")).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status);
    }

    [Fact]
    public async Task Should_answer_503_Unhealthy_without_detail_When_the_scheduler_is_on_standby()
    {
        var scheduler = await fixture.Host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        using var client = fixture.Host.CreateClient();
        await scheduler.Standby();
        try
        {
            var ready = await GetAsync(client, "/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Unhealthy", ready.Body);
            // Liveness does not depend on the scheduler: restarting the process would not help.
            Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "/health/live")).Status);
        }
        finally
        {
            await scheduler.Start();
        }

        Assert.Equal("Healthy", (await GetAsync(client, "/health/ready")).Body);
    }

    [Fact]
    public async Task Should_report_Degraded_with_200_When_more_timers_are_late_than_allowed_and_Healthy_once_swept()
    {
        var runtime = fixture.Host.Runtime();
        await runtime.StartAsync("timer", new StartOptions());
        using var client = fixture.Host.CreateClient();
        fixture.Factory.Clock.Advance(TimerWorkflow.Delay + TimeSpan.FromMinutes(4));
        Assert.Equal("Healthy", (await GetAsync(client, "/health/ready")).Body);

        fixture.Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var late = await GetAsync(client, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, late.Status);
        Assert.Equal("Degraded", late.Body);

        await fixture.Host.Sweeper().SweepAsync();
        Assert.Equal("Healthy", (await GetAsync(client, "/health/ready")).Body);
    }

    [Fact]
    public async Task Should_answer_503_Unhealthy_When_the_database_cannot_be_opened()
    {
        using var factory = new HotlineFactory();
        using var client = factory.CreateClient();
        Assert.Equal("Healthy", (await GetAsync(client, "/health/ready")).Body);

        // The database's folder moved away (a lost mount): no connection can open the file.
        var folder = Path.GetDirectoryName(factory.DatabasePath)!;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Move(folder, folder + "-gone");
        try
        {
            // A background job (the start-up sweep, the outbox) may have held a connection opened before the move and
            // hand it back to the pool afterwards, where the check would find a file handle that still works: clear the
            // pools again until no such connection is left (bounded; the check must then fail).
            var ready = await GetAsync(client, "/health/ready");
            for (var attempt = 0; attempt < 40 && ready.Status != HttpStatusCode.ServiceUnavailable; attempt++)
            {
                await Task.Delay(50);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                ready = await GetAsync(client, "/health/ready");
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.Status);
            Assert.Equal("Unhealthy", ready.Body);
            Assert.Equal("Healthy", (await GetAsync(client, "/health/live")).Body);
        }
        finally
        {
            // Back in place, for the factory to delete with the rest of the test's files.
            Directory.Move(folder + "-gone", folder);
        }
    }

    [Theory]
    [InlineData("Timeout", "00:00:00")]
    [InlineData("Timeout", "00:05:00")]
    [InlineData("TimerLag", "-00:00:01")]
    [InlineData("MaxLateTimers", "-1")]
    public void Should_refuse_the_setting_When_it_cannot_work(string name, string value)
    {
        var options = new HealthOptions();
        typeof(HealthOptions).GetProperty(name)!.SetValue(options, name == "MaxLateTimers" ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        var result = new HealthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Hotline:Health:" + name, result.FailureMessage, StringComparison.Ordinal);
        Assert.True(new HealthOptionsValidator().Validate(null, new HealthOptions()).Succeeded);
    }

    private static async Task<(HttpStatusCode Status, string Body, MediaTypeHeaderValue Content)> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        // Nothing but the status word: no check names, exception text, connection strings or versions.
        Assert.Contains(body, StatusWords);
        Assert.Equal("no-store, no-cache", response.Headers.CacheControl?.ToString());
        return (response.StatusCode, body, response.Content.Headers.ContentType!);
    }
}
