using System.Data.Common;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Cases;

/// <summary>Case numbers, the timeline and duplicate detection, on each database provider.</summary>
public abstract class CaseStoreTests : IAsyncLifetime
{
    private static readonly CaseActor Operator = CaseActor.User("op-li", "李静");

    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(Provider, Settings);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_GiveEveryCaseItsOwnNumber_When_ManyAreRegisteredAtOnce()
    {
        const int count = 40;
        var registrar = _database.Registrar;

        var cases = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
            Task.Run(() => registrar.RegisterAsync(Consultation($"问题{i}"), Operator))));

        var expected = Enumerable.Range(1, count).Select(n => CaseNumberGenerator.Format("20260302", n));
        Assert.Equal(expected, cases.Select(c => c.Number).Order(StringComparer.Ordinal));
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(count, await db.Cases.CountAsync());
        Assert.Equal(count, await db.CaseNumberCounters.Where(c => c.Day == "20260302").Select(c => c.LastNumber).SingleAsync());
    }

    [Fact]
    public async Task Should_StartAgainAtOneOnTheLocalDate_When_TheDayChangesInChina()
    {
        var numbers = _database.Get<CaseNumberGenerator>();
        // 23:59 and 00:00 in China are 15:59 and 16:00 UTC on the previous day.
        var beforeMidnight = new DateTimeOffset(2026, 3, 2, 15, 59, 0, TimeSpan.Zero);

        Assert.Equal("20260302-000001", await numbers.NextAsync(beforeMidnight));
        Assert.Equal("20260302-000002", await numbers.NextAsync(beforeMidnight));
        Assert.Equal("20260303-000001", await numbers.NextAsync(beforeMidnight.AddMinutes(1)));
    }

    [Fact]
    public async Task Should_StoreTheCaseWithARegisteredEvent_When_Registered()
    {
        var registered = await _database.Registrar.RegisterAsync(
            new CaseRegistration(CaseChannel.WeChat, "小区门口占道经营", CaseType.Complaint, "SR-ZDJY", "王芳", "+86 139-0000-1111", " 新华路12号 ", "990103", CaseUrgency.Urgent),
            Operator);

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var stored = await db.Cases.SingleAsync(c => c.Id == registered.Id);
        var events = await db.CaseEvents.Where(e => e.CaseId == registered.Id).ToListAsync();
        Assert.Equal("13900001111", stored.CitizenPhone);
        Assert.Equal("新华路12号", stored.Address);
        Assert.Equal(CaseStatus.Registered, stored.Status);
        Assert.Equal(CaseDatabase.Start, stored.CreatedAt);
        Assert.Equal(1, stored.Version);
        var registeredEvent = Assert.Single(events);
        Assert.Equal((1, CaseEventKind.Registered, CaseActorKind.User, "op-li", "李静"), (registeredEvent.Sequence, registeredEvent.Kind, registeredEvent.ActorKind, registeredEvent.ActorId, registeredEvent.ActorName));
        Assert.Equal("WeChat", JsonNode.Parse(registeredEvent.Data!)!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_KeepListsAndTheFrozenDeadlineRule_When_SavedAndReadBack()
    {
        var registered = await _database.Registrar.RegisterAsync(Consultation("物业不作为"), Operator);
        var rule = new DeadlineRuleSnapshot("category-deadlines", 3, 10, DeadlineUnit.WorkingDays, CaseDatabase.Start);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == registered.Id);
            @case.LeadUnitCode = "DH";
            @case.AssistingUnitCodes.Add("SZ-ZJ");
            @case.DeadlineAt = new DateTimeOffset(2026, 3, 16, 18, 0, 0, TimeSpan.FromHours(8));
            @case.DeadlineRule = rule;
            @case.Status = CaseStatus.Dispatched;
            @case.Record(CaseEventKind.Dispatched, CaseActor.System, _database.Clock.GetUtcNow(), new JsonObject { ["lead"] = "DH" });
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var stored = await read.Cases.SingleAsync(c => c.Id == registered.Id);
        Assert.Equal(["SZ-ZJ"], stored.AssistingUnitCodes);
        Assert.Equal(rule, stored.DeadlineRule);
        Assert.Equal(new DateTimeOffset(2026, 3, 16, 10, 0, 0, TimeSpan.Zero), stored.DeadlineAt);
        Assert.Equal(2, stored.Version);
        Assert.Equal([1, 2], await read.CaseEvents.Where(e => e.CaseId == registered.Id).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
    }

    [Fact]
    public async Task Should_RefuseTheSecondWriter_When_TwoChangeTheSameCaseFromTheSameVersion()
    {
        var registered = await _database.Registrar.RegisterAsync(Consultation("路灯不亮"), Operator);
        await using var first = await _database.Contexts.CreateDbContextAsync();
        await using var second = await _database.Contexts.CreateDbContextAsync();
        var a = await first.Cases.SingleAsync(c => c.Id == registered.Id);
        var b = await second.Cases.SingleAsync(c => c.Id == registered.Id);

        a.Record(CaseEventKind.Classified, Operator, _database.Clock.GetUtcNow());
        await first.SaveChangesAsync();
        b.Record(CaseEventKind.Closed, Operator, _database.Clock.GetUtcNow());

        var conflict = await Assert.ThrowsAnyAsync<DbUpdateException>(() => second.SaveChangesAsync());
        Assert.True(CaseTimeline.IsConflict(conflict), conflict.ToString());
        await using var read = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal([CaseEventKind.Registered, CaseEventKind.Classified], await read.CaseEvents.Where(e => e.CaseId == registered.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToListAsync());
    }

    [Fact]
    public async Task Should_KeepEveryChange_When_ManyWritersUpdateTheSameCaseAtOnce()
    {
        const int writers = 12;
        var registered = await _database.Registrar.RegisterAsync(Consultation("占道经营"), Operator);

        await Task.WhenAll(Enumerable.Range(0, writers).Select(i => Task.Run(() => _database.Contexts.UpdateCaseAsync(registered.Id, (db, @case, _) =>
        {
            @case.EscalationLevel++;
            @case.Record(CaseEventKind.Escalated, CaseActor.System, _database.Clock.GetUtcNow(), new JsonObject { ["writer"] = i });
            return Task.CompletedTask;
        }))));

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var stored = await read.Cases.SingleAsync(c => c.Id == registered.Id);
        Assert.Equal(writers, stored.EscalationLevel);
        Assert.Equal(writers + 1, stored.Version);
        Assert.Equal(Enumerable.Range(1, writers + 1), await read.CaseEvents.Where(e => e.CaseId == registered.Id).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
    }

    [Fact]
    public async Task Should_RefuseToChangeOrRemoveEvents_When_AskedThroughEfCoreOrSql()
    {
        var registered = await _database.Registrar.RegisterAsync(Consultation("停水"), Operator);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var @event = await db.CaseEvents.SingleAsync(e => e.CaseId == registered.Id);

        db.Remove(@event);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        await Assert.ThrowsAnyAsync<DbException>(() => db.Database.ExecuteSqlRawAsync("UPDATE \"CaseEvents\" SET \"ActorName\" = 'someone else'"));
        await Assert.ThrowsAnyAsync<DbException>(() => db.CaseEvents.ExecuteDeleteAsync());

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var stored = await read.CaseEvents.SingleAsync(e => e.CaseId == registered.Id);
        Assert.Equal("李静", stored.ActorName);
    }

    [Fact]
    public async Task Should_FindOpenCasesBySameCallerOrSamePlaceAndSubject_When_WithinTheWindow()
    {
        var registrar = _database.Registrar;
        var tooOld = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);
        _database.Clock.Advance(TimeSpan.FromDays(5));
        var sameCaller = await registrar.RegisterAsync(Noise("138 1234 5678", "新华路12号"), Operator);
        var closed = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);
        _database.Clock.Advance(TimeSpan.FromDays(1));
        var samePlace = await registrar.RegisterAsync(Noise("13900000000", "新华路 12 号"), Operator);
        var otherSubject = await registrar.RegisterAsync(Noise("13900000001", "新华路12号") with { SubjectCode = "SR-ZDJY" }, Operator);
        var otherDistrict = await registrar.RegisterAsync(Noise("13900000002", "新华路12号") with { DistrictCode = "990104" }, Operator);
        await CloseAsync(closed.Id);
        _database.Clock.Advance(TimeSpan.FromDays(2.5));

        var found = await _database.Get<DuplicateFinder>().FindAsync(
            new DuplicateQuery("+86 13812345678", "990103", "新华路１２号", "SR-ZYRM", _database.Clock.GetUtcNow()));

        Assert.Equal([samePlace.Id, sameCaller.Id], found.Select(f => f.CaseId));
        Assert.Equal(DuplicateReason.SamePlaceAndSubject, found[0].Reason);
        Assert.Equal(DuplicateReason.SameCaller | DuplicateReason.SamePlaceAndSubject, found[1].Reason);
        Assert.DoesNotContain(found, f => f.CaseId == tooOld.Id || f.CaseId == closed.Id || f.CaseId == otherSubject.Id || f.CaseId == otherDistrict.Id);
    }

    [Fact]
    public async Task Should_FindNothing_When_TheOnlySimilarCaseIsTheNewCaseItselfOrOlderThanTheWindow()
    {
        var registrar = _database.Registrar;
        var old = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);
        _database.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var fresh = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);

        var found = await _database.Get<DuplicateFinder>().FindAsync(
            new DuplicateQuery(fresh.CitizenPhone, fresh.DistrictCode, fresh.Address, fresh.SubjectCode, fresh.CreatedAt, fresh.Id));

        Assert.Empty(found);
        Assert.NotEqual(old.Id, fresh.Id);
    }

    [Fact]
    public async Task Should_LinkBothCasesWithAnEventOnEach_When_LinkingDuplicates()
    {
        var registrar = _database.Registrar;
        var first = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);
        var second = await registrar.RegisterAsync(Noise("13812345678", "新华路12号"), Operator);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var newCase = await db.Cases.SingleAsync(c => c.Id == second.Id);
            var existing = await db.Cases.Where(c => c.Id == first.Id).ToListAsync();
            foreach (var other in existing.Concat(existing))
                newCase.LinkDuplicate(other, Operator, _database.Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using var read = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal([first.Id], (await read.Cases.SingleAsync(c => c.Id == second.Id)).LinkedCaseIds);
        Assert.Equal([second.Id], (await read.Cases.SingleAsync(c => c.Id == first.Id)).LinkedCaseIds);
        Assert.Equal(2, await read.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.DuplicateLinked));
    }

    private async Task CloseAsync(Guid id)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var @case = await db.Cases.SingleAsync(c => c.Id == id);
        @case.Status = CaseStatus.Closed;
        @case.ClosedAt = _database.Clock.GetUtcNow();
        @case.Record(CaseEventKind.Closed, Operator, _database.Clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    private static CaseRegistration Consultation(string content) => new(CaseChannel.Phone, content, CaseType.Consultation, CitizenPhone: "13812345678");

    private static CaseRegistration Noise(string phone, string address) =>
        new(CaseChannel.Phone, "楼上半夜噪音", CaseType.Complaint, "SR-ZYRM", "张伟", phone, address, "990103");
}

public sealed class SqliteCaseStoreTests : CaseStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlCaseStoreTests : CaseStoreTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>The duplicate window is read from <c>Hotline:Cases:DuplicateWindow</c>.</summary>
public sealed class ConfiguredWindowDuplicateTests : IAsyncLifetime
{
    private CaseDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(
        DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["Hotline:Cases:DuplicateWindow"] = "1.00:00:00" });

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_LookOnlyAsFarBackAsConfigured_When_TheWindowIsOneDay()
    {
        var registrar = _database.Registrar;
        var actor = CaseActor.System;
        await registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "噪音", CaseType.Complaint, CitizenPhone: "13812345678"), actor);
        _database.Clock.Advance(TimeSpan.FromHours(20));
        var recent = await registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "噪音", CaseType.Complaint, CitizenPhone: "13812345678"), actor);
        _database.Clock.Advance(TimeSpan.FromHours(5));

        var found = await _database.Get<DuplicateFinder>().FindAsync(new DuplicateQuery("13812345678", null, null, null, _database.Clock.GetUtcNow()));

        Assert.Equal([recent.Id], found.Select(f => f.CaseId));
    }
}
