using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Admin;

/// <summary>A host with the API's small city and the bootstrap administrator signed in, on SQLite or PostgreSQL.</summary>
public abstract class AdminTest : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    protected LifecycleHost Host { get; private set; } = null!;

    protected HttpClient Admin { get; private set; } = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        Host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(Host.Contexts);
        Admin = await Host.Factory.SignInAsync("admin", Infrastructure.HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>The body of a response that must have <paramref name="expected"/>.</summary>
    protected static async Task<JsonObject> BodyAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} (expected {(int)expected}): {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The bad fields of a 400 problem.</summary>
    protected static async Task<IReadOnlyList<string>> BadFieldsAsync(HttpResponseMessage response) =>
        [.. (await BodyAsync(response, HttpStatusCode.BadRequest))["errors"]!.AsObject().Select(e => e.Key)];

    /// <summary>The audit rows, oldest first.</summary>
    protected async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = await Host.Contexts.CreateDbContextAsync();
        return (await db.AuditEntries.AsNoTracking().ToListAsync()).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
    }

    /// <summary>
    /// The audit rows by action, each action once, and checks they are exactly <paramref name="actions"/>. With the clock
    /// standing still, rows written in one test share their time, so they are told apart by action, not by order.
    /// </summary>
    protected async Task<Dictionary<string, AuditEntry>> AuditByActionAsync(params string[] actions)
    {
        var rows = (await AuditAsync()).ToDictionary(r => r.Action, StringComparer.Ordinal);
        Assert.Equal(actions.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        return rows;
    }

    /// <summary>An account's view through the admin API.</summary>
    protected async Task<JsonObject> UserAsync(string userName) => await BodyAsync(await Admin.GetAsync($"/api/admin/users/{userName}"));

    /// <summary>A sign-in's response.</summary>
    protected Task<HttpResponseMessage> SignInAsync(string userName, string password) =>
        Host.Factory.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName, password });
}
