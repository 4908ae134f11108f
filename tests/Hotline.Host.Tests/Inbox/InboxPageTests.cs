using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Tests.Cases;
using Hotline.Host.Tests.Workbench;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Inbox;

/// <summary>
/// A unit's pending inbox in its default order — soonest due first, ties by task id, the tasks without a due date last —
/// read as two index ranges (<see cref="InboxQuery"/>): every page size gives the same list as one sort of all the tasks,
/// including the page that spans the dated and the undated tasks, and only the unit's pending tasks are in it.
/// </summary>
public abstract class InboxPageTests : IAsyncLifetime
{
    private static readonly ClaimsPrincipal UnitUser = WorkbenchPeople.Person("dh-cg-wang", HotlineRoles.Unit, "DH-CG");

    private CaseDatabase _database = null!;

    protected abstract DatabaseProvider Provider { get; }

    public async Task InitializeAsync() => _database = await CaseDatabase.CreateAsync(Provider);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Should_ListDatedTasksByDueDateThenUndatedOnes_When_PagedAtAnySize()
    {
        var registered = await _database.Registrar.RegisterAsync(new CaseRegistration(CaseChannel.Phone, "占道经营", CaseType.Complaint), CaseActor.User("op-li", "李静"));
        var start = CaseDatabase.Start;
        (string Id, int? DueDays, InboxTaskStatus Status, string Unit)[] tasks =
        [
            ("t-05", 3, InboxTaskStatus.Open, "DH-CG"), ("t-02", null, InboxTaskStatus.SignedFor, "DH-CG"), ("t-07", 1, InboxTaskStatus.SignedFor, "DH-CG"),
            ("t-01", 3, InboxTaskStatus.Open, "DH-CG"), ("t-09", null, InboxTaskStatus.Open, "DH-CG"), ("t-03", 2, InboxTaskStatus.Open, "DH-CG"),
            ("t-04", null, InboxTaskStatus.Open, "DH-CG"), ("t-06", 0, InboxTaskStatus.Completed, "DH-CG"), ("t-08", 0, InboxTaskStatus.Open, "DH-ZJ"),
            ("t-10", null, InboxTaskStatus.Cancelled, "DH-CG"),
        ];
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            foreach (var (id, dueDays, status, unit) in tasks)
            {
                var task = CaseDatabase.NewTask(registered.Id, unit, InboxTaskKind.Handle, status);
                task.TaskId = id;
                task.DueAt = dueDays is { } days ? start.AddDays(days) : null;
                db.InboxTasks.Add(task);
            }

            await db.SaveChangesAsync();
        }

        string[] expected = ["t-07", "t-03", "t-01", "t-05", "t-02", "t-04", "t-09"];
        for (var pageSize = 1; pageSize <= expected.Length + 1; pageSize++)
        {
            var listed = new List<string>();
            for (var page = 1; page <= expected.Length / pageSize + 2; page++)
                listed.AddRange((await PageAsync(page, pageSize)).Select(t => t.TaskId));
            Assert.Equal(expected, listed);
        }

        await using var read = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(expected.Length, await InboxApi.Filter(read, UnitUser, "DH-CG", "pending", null, "dueAt").CountAsync(default));
    }

    private async Task<List<InboxTask>> PageAsync(int page, int pageSize)
    {
        await using var db = await _database.Contexts.CreateDbContextAsync();
        return await InboxApi.Filter(db, UnitUser, "DH-CG", "pending", null, "dueAt").PageAsync(page, pageSize, default);
    }
}

public sealed class SqliteInboxPageTests : InboxPageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlInboxPageTests : InboxPageTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
