using System.Globalization;
using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Inbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Inbox;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The workbench's unit inbox (<see cref="IWorkbenchInbox"/> as the host implements it) keeps the inbox API's checks:
/// another unit's task is not found and unchanged, a task in the wrong state is refused with the reason, only a unit's
/// user has an inbox.
/// </summary>
public abstract class WorkbenchInboxTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        (await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint())).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ClaimsPrincipal Person(string name, string role, string? unitCode = null) => WorkbenchPeople.Person(name, role, unitCode);

    private Task<T> WithInboxAsync<T>(Func<IWorkbenchInbox, Task<T>> use) => WorkbenchPeople.UseAsync(_host.Factory, use);

    private async Task<InboxTaskStatus> StatusAsync(string taskId)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.InboxTasks.Where(t => t.TaskId == taskId).Select(t => t.Status).SingleAsync();
    }

    [Fact]
    public async Task Should_answer_not_found_and_change_nothing_When_another_unit_acts_on_the_task()
    {
        var owner = Person("cg-li", HotlineRoles.Unit, "DH-CG");
        var stranger = Person("zj-chen", HotlineRoles.Unit, "DH-ZJ");
        var row = Assert.Single((await WithInboxAsync(i => i.ListAsync(owner, 1, 20, default))).Items);

        var signed = await WithInboxAsync(i => i.ActAsync(stranger, row.TaskId, new InboxCommand(InboxVerb.Sign), default));
        var answered = await WithInboxAsync(i => i.ActAsync(stranger, row.TaskId, new InboxCommand(InboxVerb.Answer, "冒充"), default));

        Assert.Equal("该任务不存在，或不属于本单位。", signed);
        Assert.Equal(signed, answered);
        Assert.Empty((await WithInboxAsync(i => i.ListAsync(stranger, 1, 20, default))).Items);
        Assert.Empty((await WithInboxAsync(i => i.ListAsync(Person("pd-wang", HotlineRoles.Dispatcher), 1, 20, default))).Items);
        Assert.Equal(InboxTaskStatus.Open, await StatusAsync(row.TaskId));
        Assert.Equal(("占道经营", true), (row.Subject, row.CountsSignFor));
    }

    [Fact]
    public async Task Should_refuse_with_the_reason_When_the_task_is_in_the_wrong_state()
    {
        var owner = Person("cg-li", HotlineRoles.Unit, "DH-CG");
        var row = Assert.Single((await WithInboxAsync(i => i.ListAsync(owner, 1, 20, default))).Items);

        Assert.Null(await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Sign), default)));
        var signedTwice = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Sign), default));
        var noAnswer = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Answer, " "), default));
        var opinion = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Opinion, "意见"), default));
        Assert.Null(await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Answer, "已处理"), default)));
        var answeredTwice = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Answer, "再答一次"), default));

        Assert.Equal("该任务已签收或已结束，不能再签收。", signedTwice);
        Assert.Equal("请填写答复内容。", noAnswer);
        Assert.Equal("该任务不能进行此操作。", opinion);
        Assert.Equal("该任务已办结或已撤回，不能再办理。", answeredTwice);
        Assert.Equal(InboxTaskStatus.Completed, await StatusAsync(row.TaskId));
        Assert.Empty((await WithInboxAsync(i => i.ListAsync(owner, 1, 20, default))).Items);
    }

    [Fact]
    public async Task Should_keep_the_rules_own_words_When_the_page_is_in_English()
    {
        var owner = Person("cg-li", HotlineRoles.Unit, "DH-CG");
        var row = Assert.Single((await WithInboxAsync(i => i.ListAsync(owner, 1, 20, default))).Items);
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            var noAnswer = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Answer, " "), default));
            var tooMany = await WithInboxAsync(i => i.ActAsync(owner, row.TaskId, new InboxCommand(InboxVerb.Extension, "忙", 99), default));

            Assert.Equal("'answer' is required.", noAnswer);
            Assert.Contains("must be a whole number of working days from 1 to", tooMany, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}

/// <summary>The workbench inbox on SQLite.</summary>
public sealed class SqliteWorkbenchInboxTests : WorkbenchInboxTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The workbench inbox on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchInboxTests : WorkbenchInboxTests
{
    protected override bool OnPostgreSql => true;
}
