using System.Net;
using System.Net.Http.Json;
using Hotline.Host.Scheduling;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Scheduling;

/// <summary>
/// Clients' Idempotency-Keys are forgotten after the retention (30 days by default) by the daily purge; a key within it
/// stays, and a retry with a forgotten key still finds the case it started (the instance id derives from the key).
/// </summary>
public abstract class IdempotencyKeyPurgeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Start, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_forget_only_the_keys_older_than_the_retention_and_still_start_no_second_case_When_the_daily_purge_runs()
    {
        using var integrator = _host.Factory.CreateIntegratorClient();
        await PostAsync(integrator, "old-key", HttpStatusCode.Created);
        _host.Factory.Clock.Advance(TimeSpan.FromDays(29));
        await PostAsync(integrator, "recent-key", HttpStatusCode.Created);
        _host.Factory.Clock.Advance(TimeSpan.FromDays(2));

        var purged = await ActivatorUtilities.CreateInstance<IdempotencyKeyPurgeJob>(_host.Factory.Services).PurgeAsync();

        Assert.Equal(1, purged);
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            Assert.Equal(1, await db.IdempotencyKeys.CountAsync());
        await PostAsync(integrator, "recent-key", HttpStatusCode.OK);
        var retried = await integrator.SendAsync(Request("old-key"));
        Assert.True(retried.IsSuccessStatusCode, await retried.Content.ReadAsStringAsync());
        await using var after = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(2, await after.Cases.CountAsync());
    }

    private static HttpRequestMessage Request(string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Content = JsonContent.Create(ApiCity.Complaint()) };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task PostAsync(HttpClient client, string key, HttpStatusCode expected)
    {
        using var response = await client.SendAsync(Request(key));
        Assert.Equal(expected, response.StatusCode);
    }
}

public sealed class SqliteIdempotencyKeyPurgeTests : IdempotencyKeyPurgeTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlIdempotencyKeyPurgeTests : IdempotencyKeyPurgeTests
{
    protected override bool OnPostgreSql => true;
}
