using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Notices;

/// <summary>
/// Administrators' notice templates (<c>/api/admin/notice-templates</c>): a saved template words the next notice of its
/// kind, a channel switched off sends none, a reset brings the shipped words back; a placeholder the kind does not fill,
/// a stale version, another role and an unknown kind are refused, changing nothing.
/// </summary>
public abstract class NoticeTemplateTests
{
    private const string NewTask = "/api/admin/notice-templates/NewTask";

    protected abstract bool OnPostgreSql { get; }

    [Fact]
    public async Task Should_word_the_next_new_task_text_with_the_saved_template_and_the_default_again_after_a_reset_When_an_administrator_edits_it()
    {
        await using var gateway = new SmsTestGateway();
        await using var host = await StartAsync(gateway);
        var admin = await host.Factory.CreateUserClientAsync("nt-admin", [HotlineRoles.Administrator]);

        var saved = await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 1, subject = "待签收：{工单号}", body = "【东湖12345】{工单号}（{事项}）请于2小时内签收。", sms = true }));
        var first = await host.FileComplaintAsync();
        var reset = await BodyAsync(await admin.DeleteAsync($"{NewTask}?version=2"));
        var second = await host.FileComplaintAsync();

        Assert.Equal((2, false), (saved["version"]!.GetValue<int>(), saved["isDefault"]!.GetValue<bool>()));
        var custom = Assert.Single(await host.MessagesAsync(first), m => m.Kind == NotificationKind.NewTask);
        Assert.StartsWith($"【东湖12345】{first}（", custom.Body, StringComparison.Ordinal);
        Assert.EndsWith("）请于2小时内签收。", custom.Body, StringComparison.Ordinal);
        Assert.Equal((3, true, NoticeTemplates.Default(NotificationKind.NewTask).Body), (reset["version"]!.GetValue<int>(), reset["isDefault"]!.GetValue<bool>(), reset["body"]!.GetValue<string>()));
        var shipped = Assert.Single(await host.MessagesAsync(second), m => m.Kind == NotificationKind.NewTask);
        Assert.StartsWith($"【12345热线】新工单{second}（", shipped.Body, StringComparison.Ordinal);
        await using var db = await host.Contexts.CreateDbContextAsync();
        var audit = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == AuditEntityTypes.NoticeTemplate).ToListAsync();
        Assert.Equal([AuditActions.NoticeTemplateReset, AuditActions.NoticeTemplateUpdated], audit.Select(a => a.Action).Order(StringComparer.Ordinal));
        var update = audit.Single(a => a.Action == AuditActions.NoticeTemplateUpdated);
        Assert.Equal(("nt-admin", "NewTask"), (update.Actor, update.EntityId));
        Assert.Equal(NoticeTemplates.Default(NotificationKind.NewTask).Body, JsonNode.Parse(update.Before!)!["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_write_no_text_message_of_the_kind_When_an_administrator_switched_its_sms_off()
    {
        await using var gateway = new SmsTestGateway();
        await using var host = await StartAsync(gateway);
        var admin = await host.Factory.CreateUserClientAsync("nt-admin", [HotlineRoles.Administrator]);

        var saved = await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 1, subject = "新工单 {工单号}", body = "新工单{工单号}。", email = true, sms = false }));
        var number = await host.FileComplaintAsync();

        Assert.False(saved["sms"]!.GetValue<bool>());
        Assert.DoesNotContain(await host.MessagesAsync(number), m => m.Kind == NotificationKind.NewTask);
        var listed = (await admin.GetFromJsonAsync<JsonArray>("/api/admin/notice-templates"))!;
        Assert.Equal(Enum.GetNames<NotificationKind>(), listed.Select(t => t!["kind"]!.GetValue<string>()));
        Assert.False(listed.Single(t => t!["kind"]!.GetValue<string>() == "NewTask")!["sms"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Should_refuse_the_change_and_keep_the_template_When_it_is_stale_uses_an_unknown_placeholder_comes_from_another_role_or_names_no_kind()
    {
        await using var gateway = new SmsTestGateway();
        await using var host = await StartAsync(gateway);
        var admin = await host.Factory.CreateUserClientAsync("nt-admin", [HotlineRoles.Administrator]);
        var dispatcher = await host.Factory.CreateUserClientAsync("nt-dispatcher", [HotlineRoles.Dispatcher]);
        await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 1, subject = "新工单 {工单号}", body = "新工单{工单号}，请签收。" }));

        var placeholder = await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 2, subject = "新工单", body = "{工单号} {评价链接}" }), HttpStatusCode.BadRequest);
        var empty = await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 2, subject = "", body = new string('长', 1001) }), HttpStatusCode.BadRequest);
        var stale = await BodyAsync(await admin.PutAsJsonAsync(NewTask, new { version = 1, subject = "旧的", body = "旧的{工单号}" }), HttpStatusCode.Conflict);
        var staleReset = await BodyAsync(await admin.DeleteAsync($"{NewTask}?version=1"), HttpStatusCode.Conflict);
        using var forbidden = await dispatcher.PutAsJsonAsync(NewTask, new { version = 2, subject = "x", body = "x" });
        using var forbiddenList = await dispatcher.GetAsync("/api/admin/notice-templates");
        using var unknown = await admin.PutAsJsonAsync("/api/admin/notice-templates/Purple", new { version = 1, subject = "x", body = "x" });

        var errors = placeholder["errors"]!.AsObject();
        Assert.Equal(["body"], errors.Select(e => e.Key));
        Assert.Contains("{评价链接}", errors["body"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["subject", "body"], empty["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        Assert.Equal(2, staleReset["currentVersion"]!.GetValue<int>());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.NotFound), (forbidden.StatusCode, forbiddenList.StatusCode, unknown.StatusCode));
        await using var db = await host.Contexts.CreateDbContextAsync();
        var stored = await db.NoticeTemplates.AsNoTracking().SingleAsync();
        Assert.Equal((NotificationKind.NewTask, 2, "新工单{工单号}，请签收。"), (stored.Kind, stored.Version, stored.Body));
    }

    private async Task<OutboxHost> StartAsync(SmsTestGateway gateway)
    {
        var host = await OutboxHost.StartAsync(OnPostgreSql, gateway.Settings());
        await host.SetUnitContactsAsync("DH-CG", null, "139-0000-0001");
        return host;
    }

    private static async Task<JsonObject> BodyAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode} (expected {(int)expected}): {text}");
            return JsonNode.Parse(text)!.AsObject();
        }
    }
}

public sealed class SqliteNoticeTemplateTests : NoticeTemplateTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlNoticeTemplateTests : NoticeTemplateTests
{
    protected override bool OnPostgreSql => true;
}
