using System.Security.Claims;
using Hotline.Domain.Administration;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Admin;
using Hotline.Workbench.Administration.Notices;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The notice template screen's port as the host implements it, over <see cref="NoticeTemplateAdministration"/>: another
/// role gets nothing and changes nothing; an administrator's save and reset answer the template as it is now, and a save
/// from an old read is stale.
/// </summary>
public abstract class WorkbenchNoticeTemplatesTests : AdminTest
{
    private static readonly ClaimsPrincipal Administrator = WorkbenchPeople.Person("admin", HotlineRoles.Administrator);

    private Task<T> UseAsync<T>(Func<IWorkbenchNoticeTemplates, Task<T>> use) => WorkbenchPeople.UseAsync(Host.Factory, use);

    [Theory]
    [InlineData(HotlineRoles.Supervisor)]
    [InlineData(HotlineRoles.Dispatcher)]
    public async Task Should_answer_nothing_and_change_nothing_When_another_role_uses_the_notice_template_port(string role)
    {
        var person = WorkbenchPeople.Person("someone", role);
        var fields = new NoticeTemplateFields(1, "x", "x", false, false);
        var audited = (await AuditAsync()).Count;

        var listed = await UseAsync(p => p.ListAsync(person, default));
        var saved = await UseAsync(p => p.SaveAsync(person, NotificationKind.Red, fields, default));
        var reset = await UseAsync(p => p.ResetAsync(person, NotificationKind.Red, 1, default));

        Assert.Empty(listed);
        Assert.Equal((ChangeOutcome.NotFound, ChangeOutcome.NotFound), (saved.Outcome, reset.Outcome));
        Assert.True((await UseAsync(p => p.ListAsync(Administrator, default))).Single(t => t.Kind == NotificationKind.Red).IsDefault);
        Assert.Equal(audited, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Should_answer_the_template_as_it_is_now_When_an_administrator_saves_saves_from_an_old_read_and_resets()
    {
        var saved = await UseAsync(p => p.SaveAsync(Administrator, NotificationKind.Red, new(1, "红牌 {工单号}", "工单{工单号}已超期。", true, false), default));
        var stale = await UseAsync(p => p.SaveAsync(Administrator, NotificationKind.Red, new(1, "旧", "旧{工单号}", true, true), default));
        var reset = await UseAsync(p => p.ResetAsync(Administrator, NotificationKind.Red, 2, default));

        Assert.Equal((ChangeOutcome.Done, 2, false, false), (saved.Outcome, saved.Entity!.Version, saved.Entity.Sms, saved.Entity.IsDefault));
        Assert.Equal((ChangeOutcome.Stale, "工单{工单号}已超期。"), (stale.Outcome, stale.Entity!.Body));
        Assert.Equal((ChangeOutcome.Done, 3, true), (reset.Outcome, reset.Entity!.Version, reset.Entity.IsDefault));
    }
}

public sealed class SqliteWorkbenchNoticeTemplatesTests : WorkbenchNoticeTemplatesTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlWorkbenchNoticeTemplatesTests : WorkbenchNoticeTemplatesTests
{
    protected override bool OnPostgreSql => true;
}
