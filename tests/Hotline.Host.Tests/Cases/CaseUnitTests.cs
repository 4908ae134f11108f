using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Hotline.Host.Tests.Cases;

/// <summary>
/// A unit's cases (<see cref="CaseUnit"/>): the statement that makes a unit lead or gives it a task writes its one row
/// for the case (the database's triggers), the unit keeps it after handing the case on, writes that bypass EF Core count
/// too, the migration fills the rows of the cases before it (and taking it back removes its triggers), and a unit's
/// user's list pages through the rows' index in order.
/// </summary>
public abstract class CaseUnitTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly CaseActor Operator = CaseActor.User("op-li", "李静");

    private CaseDatabase _database = null!;

    protected CaseDatabase Database => _database;

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_KeepOneRowPerUnitAndCase_When_TheCaseIsDispatchedGivenTasksAndReassigned()
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "占道经营", CaseType.Complaint), Operator);
        await ChangeAsync(registered.Id, c => c.Dispatch("DH-CG", null, CaseDatabase.Start));
        await AddTasksAsync(registered.Id, "DH-CG", "DH-ZJ", "DH-ZJ");
        await ChangeAsync(registered.Id, c => c.Reassign("DH-SW", "不属本单位职责", Operator, CaseDatabase.Start));

        var rows = await RowsAsync(registered.Id);

        Assert.Equal(["DH-CG", "DH-SW", "DH-ZJ"], rows.Select(r => r.UnitCode).Order());
        Assert.All(rows, r => Assert.Equal(registered.CreatedAt, r.CaseCreatedAt));
    }

    [Fact]
    public async Task Should_WriteTheRowInTheSameSave_When_ACaseIsRegisteredWithItsLeadUnitAndATask()
    {
        var (request, _) = NewCase.Check(new CaseIntakeRequest("Phone", "路灯不亮", "Help", null, null, null, null, null, "Normal"), null);
        var @case = Case.Register(request!, "20260302-900001", null, Operator, CaseDatabase.Start);
        @case.Dispatch("DH-CG", null, CaseDatabase.Start);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            db.Cases.Add(@case);
            db.InboxTasks.Add(CaseDatabase.NewTask(@case.Id, "DH-CG"));
            await db.SaveChangesAsync();
        }

        var row = Assert.Single(await RowsAsync(@case.Id));
        Assert.Equal("DH-CG", row.UnitCode);
    }

    [Fact]
    public async Task Should_WriteTheRow_When_ALeadUnitIsSetWithoutEntityFramework()
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "井盖缺失", CaseType.Complaint), Operator);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
            await db.Cases.Where(c => c.Id == registered.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadUnitCode, "DH-CG"));

        var row = Assert.Single(await RowsAsync(registered.Id));
        Assert.Equal(("DH-CG", registered.CreatedAt), (row.UnitCode, row.CaseCreatedAt));
    }

    [Fact]
    public async Task Should_ShowAUnitItsCasesNewestFirstFromItsRows_When_ItsUserListsCases()
    {
        var ids = new List<Guid>();
        foreach (var (lead, task) in new[] { ("DH-CG", (string?)null), ("DH-ZJ", "DH-CG"), ("DH-ZJ", "DH-SW"), ("DH-CG", "DH-CG") })
        {
            _database.Clock.Advance(TimeSpan.FromMinutes(5));
            var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "噪音扰民", CaseType.Complaint), Operator);
            await ChangeAsync(registered.Id, c => c.Dispatch(lead, null, _database.Clock.GetUtcNow()));
            if (task is not null)
                await AddTasksAsync(registered.Id, task);
            ids.Add(registered.Id);
        }

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var user = UnitUser("DH-CG");
        var listed = await CaseVisibility.NewestFirst(db, user, db.Cases.AsNoTracking()).Select(c => c.Id).ToListAsync();
        var filtered = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Select(c => c.Id).ToListAsync();
        var ofStatus = await CaseVisibility.NewestFirst(db, user, db.Cases.AsNoTracking().Where(c => c.Id != ids[3])).CountAsync();

        Assert.Equal([ids[3], ids[1], ids[0]], listed);
        Assert.Equal(listed.Order(), filtered.Order());
        Assert.Equal(2, ofStatus);
    }

    [Fact]
    public async Task Should_FillTheRowsOfEarlierCases_When_TheMigrationRunsOnADatabaseWithCases()
    {
        var led = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "拖欠工资", CaseType.Complaint), Operator);
        await ChangeAsync(led.Id, c => c.Dispatch("DH-RS", null, CaseDatabase.Start));
        await AddTasksAsync(led.Id, "DH-RS", "DH-ZJ");
        var unrouted = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "咨询社保", CaseType.Help), Operator);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var caseUnits = migrations.FindIndex(m => m.EndsWith("_CaseUnits", StringComparison.Ordinal));

        // Back to before the table (its rows and triggers go with it: a task added then must still save), then forward
        // again: the migration finds the cases as they were.
        await migrator.MigrateAsync(migrations[caseUnits - 1]);
        await using (var before = await _database.Contexts.CreateDbContextAsync())
            await before.Cases.Where(c => c.Id == unrouted.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.LeadUnitCode, "DH-SW"));
        await migrator.MigrateAsync();

        Assert.Equal(["DH-RS", "DH-ZJ"], (await RowsAsync(led.Id)).Select(r => r.UnitCode).Order());
        Assert.All(await RowsAsync(led.Id), r => Assert.Equal(led.CreatedAt, r.CaseCreatedAt));
        Assert.Equal("DH-SW", Assert.Single(await RowsAsync(unrouted.Id)).UnitCode);
    }

    protected static ClaimsPrincipal UnitUser(string unit) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, unit.ToLowerInvariant() + "-wang"), new Claim(ClaimTypes.Role, HotlineRoles.Unit), new Claim(HotlineRoles.UnitClaim, unit)], "test"));

    private async Task ChangeAsync(Guid caseId, Action<Case> change)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        change(await db.Cases.SingleAsync(c => c.Id == caseId));
        await db.SaveChangesAsync();
    }

    private async Task AddTasksAsync(Guid caseId, params string[] units)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        foreach (var unit in units)
            db.InboxTasks.Add(CaseDatabase.NewTask(caseId, unit));
        await db.SaveChangesAsync();
    }

    private async Task<List<CaseUnit>> RowsAsync(Guid caseId)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await db.CaseUnits.AsNoTracking().Where(m => m.CaseId == caseId).ToListAsync();
    }
}

public sealed class SqliteCaseUnitTests() : CaseUnitTests(DatabaseProvider.Sqlite)
{
    [Fact]
    public async Task Should_PageAUnitUsersCasesThroughTheRowsIndexWithoutSorting_When_ListedNewestFirst()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync();
        var sql = CaseVisibility.NewestFirst(db, UnitUser("DH-CG"), db.Cases.AsNoTracking()).Skip(20).Take(20).ToQueryString();

        var plan = await OpenCaseQueryTests.PlanAsync(db, sql);

        Assert.Contains("IX_CaseUnits_UnitCode_CaseCreatedAt_CaseId", plan);
        Assert.DoesNotContain("USE TEMP B-TREE", plan);
    }
}

public sealed class PostgreSqlCaseUnitTests() : CaseUnitTests(DatabaseProvider.PostgreSql);
