using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Notifications;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Notifications;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Notifications;

/// <summary>
/// Notifications are written in the save that causes them (none when it rolls back), go to the right people only,
/// reach open pages on every host sharing the database, and are read per person.
/// </summary>
public abstract class NotificationTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(10);

    private LifecycleHost _host = null!;

    /// <summary>The host under test.</summary>
    protected LifecycleHost Host => _host;

    /// <summary>How long a test waits for a delivery at most.</summary>
    protected static TimeSpan DeliveryWait => Delivery;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    internal static ClaimsPrincipal Person(string name, string role, string? unitCode = null, string? district = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (unitCode is not null)
            claims.Add(new(HotlineRoles.UnitClaim, unitCode));
        if (district is not null)
            claims.Add(new(HotlineRoles.DistrictClaim, district));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static readonly ClaimsPrincipal CgUser = Person("cg-li", HotlineRoles.Unit, "DH-CG");

    private async Task<Case> FileCaseAsync(HotlineFactory factory)
    {
        using var integrator = factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().OrderByDescending(c => c.CreatedAt).FirstAsync();
    }

    private async Task<List<Notification>> RowsAsync(Guid caseId)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Notifications.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.Id).ToListAsync();
    }

    private static async Task<T> WithFeedAsync<T>(HotlineFactory factory, Func<INotificationFeed, Task<T>> use)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<INotificationFeed>());
    }

    private static async Task<Task<NotificationItem>> ListenAsync(HotlineFactory factory, ClaimsPrincipal user, List<IDisposable> subscriptions)
    {
        var received = new TaskCompletionSource<NotificationItem>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var scope = factory.Services.CreateAsyncScope();
        subscriptions.Add(scope.ServiceProvider.GetRequiredService<INotificationFeed>().Subscribe(user, item =>
        {
            received.TrySetResult(item);
            return Task.CompletedTask;
        }));
        return received.Task;
    }

    [Fact]
    public async Task Should_write_a_new_task_notification_to_the_unit_with_the_task_When_a_case_is_filed()
    {
        var @case = await FileCaseAsync(_host.Factory);

        var row = Assert.Single(await RowsAsync(@case.Id));

        Assert.Equal((NotificationKind.NewTask, "unit:DH-CG", @case.Number, "990103"), (row.Kind, row.Recipient, row.CaseNumber, row.DistrictCode));
        Assert.DoesNotContain(row.Arguments, a => a.Contains("13800138000", StringComparison.Ordinal));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(row.TaskId, (await db.InboxTasks.SingleAsync(t => t.CaseId == @case.Id)).TaskId);
    }

    [Fact]
    public async Task Should_leave_no_notification_When_the_save_that_added_the_task_is_rolled_back()
    {
        var @case = await FileCaseAsync(_host.Factory);
        int inside;
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.InboxTasks.Add(new InboxTask
            {
                TaskId = "rolled-back", CaseId = @case.Id, UnitCode = "DH-ZJ", Kind = InboxTaskKind.Assist, TaskName = "协办",
                WorkflowInstanceId = "none", BookmarkId = "none", CreatedAt = _host.Factory.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync();
            inside = await db.Notifications.CountAsync(n => n.TaskId == "rolled-back" && n.Recipient == "unit:DH-ZJ");
            await transaction.RollbackAsync();
        }

        Assert.Equal(1, inside);
        Assert.DoesNotContain(await RowsAsync(@case.Id), n => n.TaskId == "rolled-back");
    }

    [Fact]
    public async Task Should_tell_the_lead_unit_and_the_district_supervisors_When_a_case_gets_a_yellow_then_a_red_card()
    {
        var @case = await FileCaseAsync(_host.Factory);

        foreach (var level in new[] { WarningLevel.Yellow, WarningLevel.Red })
        {
            await using var db = await _host.Contexts.CreateDbContextAsync();
            (await db.Cases.SingleAsync(c => c.Id == @case.Id)).Warning = level;
            await db.SaveChangesAsync();
        }

        var cards = (await RowsAsync(@case.Id)).Where(n => n.Kind is NotificationKind.Yellow or NotificationKind.Red).Select(n => (n.Kind, n.Recipient)).ToList();
        Assert.Equal([(NotificationKind.Yellow, "unit:DH-CG"), (NotificationKind.Yellow, "role:supervisor"), (NotificationKind.Red, "unit:DH-CG"), (NotificationKind.Red, "role:supervisor")], cards);
        var ownDistrict = await WithFeedAsync(_host.Factory, f => f.SummaryAsync(Person("sv-zhao", HotlineRoles.Supervisor, district: "990103"), 10, default));
        var otherDistrict = await WithFeedAsync(_host.Factory, f => f.SummaryAsync(Person("sv-qian", HotlineRoles.Supervisor, district: "990104"), 10, default));
        Assert.Equal(2, ownDistrict.Unread);
        Assert.Equal((0, 0), (otherDistrict.Unread, otherDistrict.Latest.Count));
    }

    [Fact]
    public async Task Should_send_back_to_the_lead_unit_When_the_centre_rejects_the_answer()
    {
        var @case = await FileCaseAsync(_host.Factory);
        var now = _host.Factory.Clock.GetUtcNow();
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.InboxTasks.Add(new InboxTask
            {
                TaskId = "review-1", CaseId = @case.Id, UnitCode = "RX-PD", Kind = InboxTaskKind.ReviewAnswer, TaskName = "审核办结",
                PossibleOutcomes = ["Approved", "Rejected"], WorkflowInstanceId = "none", BookmarkId = "none", CreatedAt = now,
            });
            await db.SaveChangesAsync();
            (await db.InboxTasks.SingleAsync(t => t.TaskId == "review-1")).Complete("pd-wang", now, "Rejected", """{"reason":"答复不完整"}""");
            await db.SaveChangesAsync();
        }

        var rows = (await RowsAsync(@case.Id)).Where(n => n.TaskId == "review-1").Select(n => (n.Kind, n.Recipient, n.TextKey)).ToList();

        Assert.Equal([(NotificationKind.NewTask, "unit:RX-PD", "notify.newTask"), (NotificationKind.SentBack, "unit:DH-CG", "notify.answerRefused")], rows);
    }

    [Fact]
    public async Task Should_remind_once_When_the_sign_for_job_runs_twice_within_the_lead_time()
    {
        var @case = await FileCaseAsync(_host.Factory);
        DateTimeOffset signDue;
        await using (var db = await _host.Contexts.CreateDbContextAsync())
            signDue = (await db.InboxTasks.SingleAsync(t => t.CaseId == @case.Id)).SignDueAt!.Value;
        var lead = _host.Factory.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.SignForLeadTime;

        _host.Factory.Clock.Advance(signDue - lead / 2 - _host.Factory.Clock.GetUtcNow());
        await RunSignForJobAsync();
        var second = await RunSignForJobAsync();

        var reminders = (await RowsAsync(@case.Id)).Where(n => n.Kind == NotificationKind.SignForSoon).ToList();
        Assert.Equal(0, second);
        Assert.Equal("unit:DH-CG", Assert.Single(reminders).Recipient);
    }

    [Fact]
    public async Task Should_delete_only_the_notifications_older_than_the_retention_When_the_purge_runs()
    {
        var old = await FileCaseAsync(_host.Factory);
        var retention = _host.Factory.Services.GetRequiredService<IOptions<NotificationOptions>>().Value.Retention;
        _host.Factory.Clock.Advance(retention + TimeSpan.FromDays(1));
        var recent = await FileCaseAsync(_host.Factory);

        await using var scope = _host.Factory.Services.CreateAsyncScope();
        var purged = await scope.ServiceProvider.GetRequiredService<NotificationPurgeJob>().PurgeAsync();

        Assert.True(purged >= 1, $"{purged} purged");
        Assert.Empty(await RowsAsync(old.Id));
        Assert.NotEmpty(await RowsAsync(recent.Id));
    }

    private async Task<int> RunSignForJobAsync()
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SignForSoonJob>().RunAsync();
    }

    [Fact]
    public async Task Should_deliver_to_the_unit_only_and_count_it_unread_until_marked_read_When_a_case_is_filed()
    {
        List<IDisposable> subscriptions = [];
        var delivered = await ListenAsync(_host.Factory, CgUser, subscriptions);

        var @case = await FileCaseAsync(_host.Factory);

        Assert.Equal(@case.Number, (await delivered.WaitAsync(Delivery)).CaseNumber);
        var mine = await WithFeedAsync(_host.Factory, f => f.SummaryAsync(CgUser, 10, default));
        var other = await WithFeedAsync(_host.Factory, f => f.SummaryAsync(Person("zj-chen", HotlineRoles.Unit, "DH-ZJ"), 10, default));
        await WithFeedAsync(_host.Factory, async f =>
        {
            await f.MarkAllReadAsync(CgUser, default);
            return 0;
        });
        var afterReading = await WithFeedAsync(_host.Factory, f => f.SummaryAsync(CgUser, 10, default));
        subscriptions.ForEach(s => s.Dispose());

        Assert.Equal((1, @case.Number), (mine.Unread, Assert.Single(mine.Latest).CaseNumber));
        Assert.Equal((0, 0), (other.Unread, other.Latest.Count));
        Assert.Equal((0, 1), (afterReading.Unread, afterReading.Latest.Count));
    }

    [Fact]
    public async Task Should_deliver_on_both_hosts_When_two_hosts_share_the_database()
    {
        var connection = _host.Factory.Services.GetRequiredService<IOptions<HotlineDatabaseOptions>>().Value.ConnectionString!;
        await using var second = OnPostgreSql ? new HotlineFactory(connection) : HotlineFactory.OnSqliteFile(_host.Factory.DatabasePath);
        second.KeepDatabaseOnDispose = true;
        List<IDisposable> subscriptions = [];
        var onFirst = await ListenAsync(_host.Factory, CgUser, subscriptions);
        var onSecond = await ListenAsync(second, CgUser, subscriptions);

        var @case = await FileCaseAsync(_host.Factory);

        Assert.Equal(@case.Number, (await onFirst.WaitAsync(Delivery)).CaseNumber);
        Assert.Equal(@case.Number, (await onSecond.WaitAsync(Delivery)).CaseNumber);
        subscriptions.ForEach(s => s.Dispose());
    }
}

/// <summary>Notifications on SQLite.</summary>
public sealed class SqliteNotificationTests : NotificationTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>Notifications on PostgreSQL (<c>HOTLINE_TEST_PG</c>), where two saves can commit out of id order.</summary>
public sealed class PostgreSqlNotificationTests : NotificationTests
{
    protected override bool OnPostgreSql => true;

    [Fact]
    public async Task Should_deliver_the_earlier_row_too_When_it_commits_after_a_later_one()
    {
        var supervisor = Person("sv-sun", HotlineRoles.Supervisor);
        var arrived = new Dictionary<string, TaskCompletionSource>
        {
            ["first"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            ["second"] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };
        await using var scope = Host.Factory.Services.CreateAsyncScope();
        using var subscription = scope.ServiceProvider.GetRequiredService<INotificationFeed>().Subscribe(supervisor, item =>
        {
            arrived.GetValueOrDefault(item.TextKey)?.TrySetResult();
            return Task.CompletedTask;
        });
        Notification Row(string key) => new() { Recipient = "user:sv-sun", Kind = NotificationKind.NewTask, TextKey = key, CreatedAt = Host.Factory.Clock.GetUtcNow() };

        await using var slow = await Host.Contexts.CreateDbContextAsync();
        await using var transaction = await slow.Database.BeginTransactionAsync();
        slow.Notifications.Add(Row("first"));
        await slow.SaveChangesAsync();
        await using (var fast = await Host.Contexts.CreateDbContextAsync())
        {
            fast.Notifications.Add(Row("second"));
            await fast.SaveChangesAsync();
        }

        await arrived["second"].Task.WaitAsync(DeliveryWait);
        await transaction.CommitAsync();

        await arrived["first"].Task.WaitAsync(DeliveryWait);
        Assert.True(slow.Notifications.Local.Single().Id < (await slow.Notifications.AsNoTracking().MaxAsync(n => n.Id)));
    }
}
