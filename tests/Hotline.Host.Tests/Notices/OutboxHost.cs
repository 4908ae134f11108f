using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Outbox;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Notices;

/// <summary>
/// A host of the API tests' small city with delivery channels configured by the test, its worker off (the test runs
/// <see cref="OutboxDelivery"/> itself, on the fake clock), on SQLite or a PostgreSQL database.
/// </summary>
public sealed class OutboxHost : IAsyncDisposable
{
    /// <summary>Monday 2 March 2026, 09:00 in China.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private readonly PostgresDatabase? _postgres;
    private readonly bool _ownsDatabase;

    private OutboxHost(PostgresDatabase? postgres, bool ownsDatabase, Dictionary<string, string?> settings)
    {
        _postgres = postgres;
        _ownsDatabase = ownsDatabase;
        settings["Hotline:Notices:Delivery:Enabled"] = "false";
        Factory = new HotlineFactory(postgres?.ConnectionString) { Settings = settings };
        Factory.Clock.Advance(Monday - Factory.Clock.GetUtcNow());
        _ = Factory.Services;
    }

    public HotlineFactory Factory { get; }

    public IDbContextFactory<HotlineDbContext> Contexts => Factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();

    public OutboxDelivery Delivery => Factory.Services.GetRequiredService<OutboxDelivery>();

    /// <summary>A host with <paramref name="settings"/>, the city seeded (unless it shares <paramref name="shared"/>'s database).</summary>
    public static async Task<OutboxHost> StartAsync(bool postgres, Dictionary<string, string?> settings, OutboxHost? shared = null)
    {
        var database = shared?._postgres ?? (postgres ? await PostgresDatabase.CreateMigratedAsync() : null);
        var host = new OutboxHost(database, shared is null, settings);
        if (shared is null)
            await ApiCity.SeedAsync(host.Contexts);
        return host;
    }

    /// <summary>Gives a unit its contact telephone and e-mail address.</summary>
    public async Task SetUnitContactsAsync(string unitCode, string? email, string? phone)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var unit = await db.HandlingUnits.SingleAsync(u => u.Code == unitCode);
        unit.ContactEmail = email;
        unit.ContactPhone = phone;
        await db.SaveChangesAsync();
    }

    /// <summary>Files the API city's complaint (to DH-CG) and returns its number.</summary>
    public async Task<string> FileComplaintAsync()
    {
        using var integrator = Factory.CreateIntegratorClient();
        using var response = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.True(response.IsSuccessStatusCode, body?.ToJsonString());
        return body!["number"]!.GetValue<string>();
    }

    /// <summary>The outbox messages of a case, oldest first.</summary>
    public async Task<List<OutboxMessage>> MessagesAsync(string caseNumber)
    {
        await using var db = await Contexts.CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.CaseNumber == caseNumber).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The case's delivery log as the API gives it to <paramref name="client"/>.</summary>
    public static async Task<JsonArray> DeliveriesAsync(HttpClient client, string caseNumber)
    {
        var detail = await client.GetFromJsonAsync<JsonObject>($"/api/cases/{caseNumber}");
        return detail!["deliveries"]!.AsArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_ownsDatabase && _postgres is not null)
            await _postgres.DisposeAsync();
    }
}
