using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Cases;

/// <summary>
/// The read paths' queries the scale benchmark rewrote for their indexes return what they returned before: the open
/// cases (<see cref="Case.Open"/>, now the open statuses listed) are exactly the ones <see cref="Case.IsOpen"/> calls
/// open, for every status; and a unit's user sees the cases the unit leads and those it had a task for, no others.
/// </summary>
public sealed class OpenCaseQueryTests : IAsyncLifetime
{
    private static readonly CaseActor Operator = CaseActor.User("op-li", "李静");

    private CaseDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_ListAsOpenExactlyTheCasesIsOpenCallsOpen_When_CasesAreInEveryStatus()
    {
        var statuses = Enum.GetValues<CaseStatus>();
        foreach (var status in statuses)
        {
            var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "路灯不亮 " + status, CaseType.Help), Operator);
            await using var db = await _database.Contexts.CreateDbContextAsync();
            await db.Cases.Where(c => c.Id == registered.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status));
        }

        await using var read = await _database.Contexts.CreateDbContextAsync();
        var all = await read.Cases.AsNoTracking().ToListAsync();
        var open = await read.Cases.AsNoTracking().Where(Case.Open).Select(c => c.Status).ToListAsync();

        Assert.Equal(statuses.Length, all.Count);
        Assert.Equal(all.Where(c => c.IsOpen).Select(c => c.Status).Order(), open.Order());
        Assert.Contains(CaseStatus.Dispatched, open);
        Assert.DoesNotContain(CaseStatus.Closed, open);
    }

    [Fact]
    public async Task Should_ReadTheOpenCasesThroughThePartialIndexes_When_ListingOverdueAndEscalatedCases()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var now = CaseDatabase.Start;
        var overdue = db.Cases.Where(Case.Open).Where(c => c.DeadlineAt < now).Select(c => c.Id).ToQueryString();
        var escalated = db.Cases.Where(Case.Open).Where(c => c.EscalationLevel >= 1).Select(c => c.Id).ToQueryString();

        // Through an index that holds open cases only, or the open statuses' ranges of the status index: never a scan of
        // every case.
        await AssertSearchesAsync(db, overdue, "IX_Cases_Open_DeadlineAt|IX_Cases_Status_CreatedAt_Id");
        await AssertSearchesAsync(db, escalated, "IX_Cases_Open_EscalationLevel_DeadlineAt|IX_Cases_Status_CreatedAt_Id");
    }

    [Fact]
    public async Task Should_PageTheCaseListByStatusDistrictAndSubjectInIndexOrder_When_ListedNewestFirst()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        IQueryable<Case> NewestFirst(IQueryable<Case> cases) => cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(20);
        var byStatus = NewestFirst(db.Cases.Where(c => c.Status == CaseStatus.Dispatched)).ToQueryString();
        var byDistrict = NewestFirst(db.Cases.Where(c => c.Status == CaseStatus.Handling && c.DistrictCode == "110101")).ToQueryString();
        var districtCount = db.Cases.Where(c => c.Status == CaseStatus.Handling && c.DistrictCode == "110101").Select(c => c.Id).ToQueryString();
        var (from, to) = (CaseDatabase.Start.AddDays(-30), CaseDatabase.Start);
        var bySubject = NewestFirst(db.Cases.Where(c => c.SubjectCode == "HB-ZSWR" && c.CreatedAt >= from && c.CreatedAt < to)).ToQueryString();

        // Each page walks an index in the list's order (no sort of every matching case); the district's count reads
        // the index alone. (The overdue list's newest-first index is the planner's choice only with a million cases'
        // statistics: the scale benchmark's plans show it.)
        await AssertWalksInOrderAsync(db, byStatus, "IX_Cases_Status_CreatedAt_Id", sortsTies: false);
        await AssertWalksInOrderAsync(db, byDistrict, "IX_Cases_DistrictCode_Status_CreatedAt_Id", sortsTies: false);
        Assert.Contains("COVERING INDEX IX_Cases_DistrictCode_Status_CreatedAt_Id", await PlanAsync(db, districtCount));
        await AssertWalksInOrderAsync(db, bySubject, "IX_Cases_SubjectCode_CreatedAt_Id", sortsTies: false);
    }

    [Fact]
    public async Task Should_PageALeadUnitsCasesAndAUnitsInboxInIndexOrder_When_ListedNewestFirst()
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var byLead = db.Cases.Where(c => c.LeadUnitCode == "DH-CG" && c.Status == CaseStatus.Handling).OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(20).ToQueryString();
        var inbox = db.InboxTasks.Where(t => t.UnitCode == "DH-CG").OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TaskId).Take(20).ToQueryString();
        var pending = Hotline.Host.Api.InboxApi.Filter(db, Workbench.WorkbenchPeople.Person("dh-cg-wang", HotlineRoles.Unit, "DH-CG"), "DH-CG", "pending", null, "dueAt");

        // A lead unit's list walks its index in CreatedAt order (no sort of every matching case); the inbox's
        // newest-first page likewise, sorting only ties on TaskId; the pending inbox's two parts (dated by due date,
        // then undated) walk the pending tasks' index without sorting anything.
        await AssertWalksInOrderAsync(db, byLead, "IX_Cases_LeadUnitCode_Status_CreatedAt", sortsTies: false);
        await AssertWalksInOrderAsync(db, inbox, "IX_InboxTasks_UnitCode_CreatedAt", sortsTies: true);
        await AssertWalksInOrderAsync(db, pending.Dated.Take(20).ToQueryString(), "IX_InboxTasks_Pending_UnitCode_DueAt", sortsTies: false);
        await AssertWalksInOrderAsync(db, pending.Undated.Take(20).ToQueryString(), "IX_InboxTasks_Pending_UnitCode_DueAt", sortsTies: false);
    }

    [Fact]
    public async Task Should_ShowAUnitTheCasesItLeadsOrHadATaskFor_When_ItsUserListsCases()
    {
        var led = await RegisterAsync("DH-CG", taskUnit: null);
        var assisted = await RegisterAsync("DH-ZJ", taskUnit: "DH-CG");
        await RegisterAsync("DH-ZJ", taskUnit: "DH-SW");
        await RegisterAsync(null, taskUnit: null);
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "dh-cg-wang"), new Claim(ClaimTypes.Role, HotlineRoles.Unit), new Claim(HotlineRoles.UnitClaim, "DH-CG")], "test"));

        await using var db = await _database.Contexts.CreateDbContextAsync();
        var seen = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking()).Select(c => c.Id).ToListAsync();

        Assert.Equal(new[] { led, assisted }.Order(), seen.Order());
        // The count of all its cases reads the unit's rows alone; a filtered count still applies the filter.
        Assert.Equal(ListTotal.Exact(2), await CaseVisibility.TotalAsync(db, user, db.Cases.AsNoTracking(), default));
        Assert.Equal(ListTotal.Exact(2), await CaseVisibility.TotalAsync(db, user, db.Cases, default));
        Assert.Equal(ListTotal.Exact(1), await CaseVisibility.TotalAsync(db, user, db.Cases.AsNoTracking().Where(c => c.Id == assisted), default));
        Assert.Equal(ListTotal.Exact(0), await CaseVisibility.TotalAsync(db, user, db.Cases.AsNoTracking().Where(c => c.Status == CaseStatus.Closed), default));
    }

    private async Task<Guid> RegisterAsync(string? leadUnit, string? taskUnit)
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "占道经营", CaseType.Complaint), Operator);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        if (leadUnit is not null)
        {
            (await db.Cases.SingleAsync(c => c.Id == registered.Id)).Dispatch(leadUnit, null, CaseDatabase.Start);
            await db.SaveChangesAsync();
        }

        if (taskUnit is not null)
        {
            db.InboxTasks.Add(CaseDatabase.NewTask(registered.Id, taskUnit, InboxTaskKind.Assist, InboxTaskStatus.Completed));
            await db.SaveChangesAsync();
        }

        return registered.Id;
    }

    /// <summary>Asserts that <paramref name="sql"/> reads through <paramref name="index"/> in the list's order: no sort of what it matches (but of ties, when <paramref name="sortsTies"/>).</summary>
    private static async Task AssertWalksInOrderAsync(HotlineDbContext db, string sql, string index, bool sortsTies)
    {
        var plan = await PlanAsync(db, sql);
        Assert.Contains(index, plan);
        Assert.DoesNotContain(sortsTies ? "USE TEMP B-TREE FOR ORDER BY" : "TEMP B-TREE", plan);
    }

    /// <summary>Asserts that <paramref name="sql"/> searches one of <paramref name="indexes"/> (a regular expression's alternatives), never scanning every case.</summary>
    private static async Task AssertSearchesAsync(HotlineDbContext db, string sql, string indexes)
    {
        var plan = await PlanAsync(db, sql);
        Assert.Matches($"SEARCH c USING (COVERING )?INDEX ({indexes})", plan);
        Assert.DoesNotContain("SCAN c", plan);
    }

    internal static async Task<string> PlanAsync(HotlineDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString declares the parameters with .param set; the plan needs only the statement.
        command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+").Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = 0;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            plan.Add(reader.GetString(3));
        return string.Join('\n', plan);
    }
}
