using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Tests.Workbench;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Cases;

/// <summary>
/// A long list's total (<see cref="ListTotal"/>): exact up to 10,000, then "10,000 or more" — on the inbox list of a unit
/// with 10,001 tasks; narrower filters of the same list are still counted exactly.
/// </summary>
public abstract class ListTotalTests : IAsyncLifetime
{
    private static readonly ClaimsPrincipal UnitUser = WorkbenchPeople.Person("dh-cg-wang", HotlineRoles.Unit, "DH-CG");

    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_CountExactlyUpToTheCap_AndSayMoreBeyondIt()
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "占道经营", CaseType.Complaint), CaseActor.User("op-li", "李静"));
        await AddTasksAsync(registered.Id, ListTotal.Cap - 3, InboxTaskStatus.Completed);
        await AddTasksAsync(registered.Id, 3, InboxTaskStatus.Open);

        Assert.Equal(new ListTotal(ListTotal.Cap, false), await TotalAsync("all"));

        await AddTasksAsync(registered.Id, 1, InboxTaskStatus.Open);

        Assert.Equal(new ListTotal(ListTotal.Cap, true), await TotalAsync("all"));
        Assert.Equal(ListTotal.Exact(4), await TotalAsync("pending"));
        Assert.Equal(new ListTotal(ListTotal.Cap - 3, false), await TotalAsync("completed"));
    }

    [Fact]
    public async Task Should_CountWithoutTheListsOrder_When_TheListIsOrdered()
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "占道经营", CaseType.Complaint), CaseActor.User("op-li", "李静"));
        await AddTasksAsync(registered.Id, 5, InboxTaskStatus.Open);
        await using var db = await _database.Contexts.CreateDbContextAsync();
        var inbox = InboxApi.Filter(db, UnitUser, "DH-CG", "pending", null, "dueAt");
        var ordered = inbox.Matching.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.TaskId).Where(t => t.Kind == InboxTaskKind.Handle);

        Assert.Contains("ORDER BY", ordered.ToQueryString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ORDER BY", ListTotal.WithoutOrder(ordered).Take(ListTotal.Cap + 1).ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(ListTotal.Exact(5), await ListTotal.OfAsync(ordered, default));
        Assert.Equal(ListTotal.Exact(5), await ListTotal.OfAsync(inbox.Undated, default));
        // Under a Take the order decides which rows are kept, so a filter after it counts differently: the order stays.
        var smallest = await inbox.Matching.MinAsync(t => t.TaskId);
        var smallestAmongLastTwo = inbox.Matching.OrderByDescending(t => t.TaskId).Take(2).Where(t => t.TaskId == smallest);
        Assert.Contains("ORDER BY", ListTotal.WithoutOrder(smallestAmongLastTwo).ToQueryString(), StringComparison.Ordinal);
        Assert.Equal(ListTotal.Exact(0), await ListTotal.OfAsync(smallestAmongLastTwo, default));
    }

    private async Task AddTasksAsync(Guid caseId, int count, InboxTaskStatus status)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        for (var i = 0; i < count; i++)
            db.InboxTasks.Add(CaseDatabase.NewTask(caseId, "DH-CG", InboxTaskKind.Handle, status));
        await db.SaveChangesAsync();
    }

    private async Task<ListTotal> TotalAsync(string status)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await ListTotal.OfAsync(InboxApi.Filter(db, UnitUser, "DH-CG", status, null, "dueAt").Matching, default);
    }
}

public sealed class SqliteListTotalTests : ListTotalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlListTotalTests : ListTotalTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
