using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hotline.Domain.Operations;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Domain.Inbox;
using Hotline.Domain.Outbox;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Telemetry;

/// <summary>The Prometheus scrape after a case's lifecycle, the spans of a request that starts a case, and who may scrape.</summary>
[Collection(TelemetryRunsAlone.Name)]
public sealed class TelemetryTests(TelemetryHost fixture) : IClassFixture<TelemetryHost>
{
    [Fact]
    public async Task Should_scrape_the_named_metrics_with_their_values_When_a_case_was_filed_over_HTTP_and_handled()
    {
        using var integrator = fixture.Factory.CreateIntegratorClient();
        using (var created = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint("小区门口占道经营，遮挡消防通道")))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await using (var db = await fixture.Host.Contexts.CreateDbContextAsync())
        {
            db.OutboxMessages.Add(new OutboxMessage { Channel = OutboxChannel.Sms, Address = "13800138000", Body = "x", Status = OutboxStatus.Pending, CreatedAt = TelemetryHost.Monday, NextAttemptAt = TelemetryHost.Monday.AddYears(1) });
            await db.SaveChangesAsync();
        }

        var ((openByUnit, timers, backlog), metrics) = await StableScrapeAsync();

        Assert.True(metrics.Sum("hotline_workflow_bursts_total", "workflow_definition_id=\"case-lifecycle\"") >= 1);
        Assert.True(metrics.Sum("hotline_workflow_burst_duration_seconds_count", "workflow_definition_id=\"case-lifecycle\"") >= 1);
        Assert.True(metrics.Sum("hotline_workflow_commits_total", "outcome=\"committed\"") >= 1);
        Assert.True(metrics.Sum("hotline_workflow_commit_duration_seconds_count", "outcome=\"committed\"") >= 1);
        Assert.True(metrics.Sum("hotline_workflow_activity_executions_total", "activity_type=\"Hotline.CreateInboxTask\"") >= 1);
        Assert.True(metrics.Sum("http_server_request_duration_seconds_count", "http_route=\"/api/cases/\"", "http_request_method=\"POST\"") >= 1);
        Assert.NotEmpty(openByUnit);
        foreach (var (unit, count) in openByUnit)
            Assert.True(count == metrics.Sum("hotline_inbox_tasks_open", $"unit=\"{unit}\""),
                $"unit {unit}: {count} open in the database, scraped: {string.Join(" | ", metrics.Samples("hotline_inbox_tasks_open"))}");
        Assert.True(timers >= 1, "the case's deadline ladder waits on a timer");
        Assert.Equal(timers, metrics.Sum("hotline_timers_pending"));
        Assert.Single(metrics.Samples("hotline_timers_lag_seconds"));
        Assert.Equal(backlog, metrics.Sum("hotline_outbox_backlog", "channel=\"Sms\""));
        // Labels carry codes and statuses, never what the citizen said or who they are.
        Assert.DoesNotContain("13800138000", metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("张敏", metrics.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("占道", metrics.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_report_the_lag_of_the_oldest_due_timer_When_the_clock_passed_it_and_nothing_fired_it()
    {
        using var integrator = fixture.Factory.CreateIntegratorClient();
        using (var created = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint()))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        DateTimeOffset oldest;
        await using (var db = await fixture.Host.Contexts.CreateDbContextAsync())
            oldest = (await db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null).Select(b => b.ResumeAt!.Value).ToListAsync()).Min();

        fixture.Factory.Clock.Advance(oldest.AddSeconds(90) - fixture.Factory.Clock.GetUtcNow());
        var metrics = await fixture.ScrapeAsync();

        Assert.True(metrics.Sum("hotline_timers_due") >= 1);
        Assert.Equal(90, metrics.Sum("hotline_timers_lag_seconds"), 3);
    }

    [Fact]
    public async Task Should_trace_the_burst_and_its_commit_under_the_HTTP_request_When_a_request_starts_a_case()
    {
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is WorkflowTelemetry.Name or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var traceId = ActivityTraceId.CreateRandom();
        using var integrator = fixture.Factory.CreateIntegratorClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(ApiCity.Complaint()) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using (var response = await integrator.SendAsync(request))
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var trace = spans.Where(s => s.TraceId == traceId).ToList();
        var server = Assert.Single(trace, s => s.Source.Name == "Microsoft.AspNetCore");
        var burst = Assert.Single(trace, s => s.OperationName == "workflow burst" && s.ParentSpanId == server.SpanId);
        Assert.Equal("case-lifecycle", burst.GetTagItem("workflow.definition.id"));
        Assert.Equal("Suspended", burst.GetTagItem("workflow.status"));
        var commit = Assert.Single(trace, s => s.OperationName == "workflow commit" && s.ParentSpanId == burst.SpanId);
        Assert.Equal("committed", commit.GetTagItem("workflow.commit.outcome"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-the-scrape-token-at-all")]
    [InlineData(HotlineFactory.IntegratorKey)]
    public async Task Should_answer_404_When_a_caller_from_elsewhere_scrapes_without_the_token(string? token)
    {
        // The test server's callers have no loopback address: they stand for a caller from the internet.
        using var client = fixture.Factory.CreateClient();
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var response = await client.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("hotline_", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_read_the_database_once_per_cache_period_and_add_up_the_units_beyond_the_limit_When_gauges_are_collected()
    {
        // Meters of their own: gauges registered on the host's meter factory would be scraped with the host's own.
        await using var meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
        HotlineMetrics Metrics(TimeSpan cache) => new(
            meters.GetRequiredService<IMeterFactory>(), fixture.Host.Contexts, fixture.Factory.Clock,
            Options.Create(new TelemetryOptions { GaugeCacheDuration = cache, MaxUnits = 1 }), NullLogger<HotlineMetrics>.Instance, "Hotline.Tests." + cache.Ticks);
        var cached = Metrics(TimeSpan.FromHours(1));
        var before = cached.Snapshot();
        int total;

        await using (var db = await fixture.Host.Contexts.CreateDbContextAsync())
        {
            foreach (var (unit, count) in new[] { ("ZZ-BIG", 100), ("ZZ-SMALL", 1) })
                for (var i = 0; i < count; i++)
                    db.InboxTasks.Add(new InboxTask { TaskId = $"{unit}-{i}-{Guid.NewGuid():N}", UnitCode = unit, TaskName = "办理", Status = InboxTaskStatus.Open, WorkflowInstanceId = "none", BookmarkId = "none", CreatedAt = TelemetryHost.Monday });
            await db.SaveChangesAsync();
            total = await db.InboxTasks.CountAsync(t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor);
        }

        Assert.Same(before, cached.Snapshot());
        var fresh = Metrics(TimeSpan.Zero).Snapshot();
        var byUnit = fresh.OpenTasks.ToDictionary(m => (string)m.Tags.ToArray().Single(t => t.Key == "unit").Value!, m => m.Value);
        Assert.Equal(2, byUnit.Count);
        Assert.Equal(100, byUnit["ZZ-BIG"]);
        Assert.Equal(total - 100, byUnit[HotlineMetrics.OtherUnits]);
    }

    /// <summary>
    /// The database's counts and a scrape that agrees with them, within five seconds: the exporter answers a scrape from a
    /// copy it keeps for 300 ms, and work a request handed on after answering (a child workflow's first task) may still
    /// be landing. A gauge that reports something else never agrees, and the caller's assertions then say where.
    /// </summary>
    private async Task<((Dictionary<string, int> OpenByUnit, int Timers, int Backlog) Counts, PrometheusText Metrics)> StableScrapeAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            var counts = await CountAsync();
            var metrics = await fixture.ScrapeAsync();
            var inbox = metrics.Samples("hotline_inbox_tasks_open").Count > 0
                && counts.OpenByUnit.All(u => metrics.Samples("hotline_inbox_tasks_open", $"unit=\"{u.Key}\"").Sum() == u.Value);
            var timers = metrics.Samples("hotline_timers_pending").Sum() == counts.Timers;
            if ((inbox && timers) || attempt == 50)
                return (counts, metrics);
            await Task.Delay(100);
        }
    }

    private async Task<(Dictionary<string, int> OpenByUnit, int Timers, int Backlog)> CountAsync()
    {
        await using var db = await fixture.Host.Contexts.CreateDbContextAsync();
        var open = await db.InboxTasks.Where(t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor)
            .GroupBy(t => t.UnitCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var timers = await db.Bookmarks.CountAsync(b => b.ResumeAt != null);
        var backlog = await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Pending && m.Channel == OutboxChannel.Sms);
        return (open, timers, backlog);
    }
}

/// <summary>
/// The telemetry tests run alone: OpenTelemetry listens to meters by name in the whole process (ASP.NET Core's
/// "Microsoft.AspNetCore.Hosting" included), so another test class's host running meanwhile would register the same
/// instruments and the scrape could show its measurements, or lose this host's, instead.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryRunsAlone
{
    public const string Name = "Telemetry, alone";
}
