using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workbench.Cases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Notices;

/// <summary>
/// Notices leave by e-mail to a real SMTP server and by text message to a signed HTTP gateway; each try is recorded and
/// shown with the case; a failing channel is tried again after a doubling wait and then given up.
/// </summary>
public abstract class OutboxDeliveryTests
{
    protected abstract bool OnPostgreSql { get; }

    private static Dictionary<string, string?> Email(SmtpTestServer smtp) => new()
    {
        ["Hotline:Notices:Email:Host"] = "127.0.0.1",
        ["Hotline:Notices:Email:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hotline:Notices:Email:Security"] = "None",
        ["Hotline:Notices:Email:From"] = "12345热线 <notice@12345.example.gov.cn>",
    };

    [Fact]
    public async Task Should_email_a_units_new_task_through_the_smtp_server_and_show_the_try_with_the_case()
    {
        await using var smtp = await SmtpTestServer.StartAsync();
        await using var host = await OutboxHost.StartAsync(OnPostgreSql, Email(smtp));
        await host.SetUnitContactsAsync("DH-CG", "dispatch@cg.donghu.example.gov.cn", "13900000001");

        var number = await host.FileComplaintAsync();

        var queued = Assert.Single(await host.MessagesAsync(number)); // SMS is not configured: e-mail only
        Assert.Equal((NotificationKind.NewTask, OutboxChannel.Email, OutboxStatus.Pending), (queued.Kind, queued.Channel, queued.Status));
        Assert.Empty(smtp.Messages()); // nothing leaves before the worker runs

        Assert.Equal(1, await host.Delivery.RunOnceAsync("worker-1"));

        var mail = Assert.Single(smtp.Messages());
        Assert.Equal("dispatch@cg.donghu.example.gov.cn", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Equal("notice@12345.example.gov.cn", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal($"新工单 {number}", mail.Subject);
        Assert.Contains($"新工单{number}", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(number, mail.Headers["X-Hotline-Case"]);
        var sent = Assert.Single(await host.MessagesAsync(number));
        Assert.Equal((OutboxStatus.Sent, 1, host.Factory.Clock.GetUtcNow()), (sent.Status, sent.Attempts, sent.SentAt));

        using var integrator = host.Factory.CreateIntegratorClient();
        var entry = Assert.Single(await OutboxHost.DeliveriesAsync(integrator, number))!;
        Assert.Equal("Sent", entry["outcome"]!.GetValue<string>());
        Assert.Equal("Email", entry["channel"]!.GetValue<string>());
        Assert.Equal("unit:DH-CG", entry["recipient"]!.GetValue<string>());
        Assert.Equal("d***@cg.donghu.example.gov.cn", entry["address"]!.GetValue<string>());
        Assert.Equal(0, await host.Delivery.RunOnceAsync("worker-1")); // sent once
    }

    [Fact]
    public async Task Should_text_the_unit_and_then_the_citizen_the_reply_through_a_signed_gateway_request()
    {
        await using var gateway = new SmsTestGateway();
        await using var host = await OutboxHost.StartAsync(OnPostgreSql, gateway.Settings());
        await host.SetUnitContactsAsync("DH-CG", null, "139-0000-0001");
        var number = await host.FileComplaintAsync();
        await host.Delivery.RunOnceAsync("worker-1");

        var toUnit = Assert.Single(gateway.Received);
        Assert.True(toUnit.SignatureValid);
        Assert.Equal("13900000001", toUnit.Body["to"]!.GetValue<string>());
        Assert.Contains($"新工单{number}", toUnit.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await ReplyAsync(host, "已责令商户退回店内经营。");
        var reply = Assert.Single(await host.MessagesAsync(number), m => m.Kind == NotificationKind.Reply);
        Assert.Equal(("citizen", "13800138000"), (reply.Recipient, reply.Address));
        await host.Delivery.RunOnceAsync("worker-1");

        var toCitizen = gateway.Received.Last();
        Assert.True(toCitizen.SignatureValid);
        Assert.Equal("13800138000", toCitizen.Body["to"]!.GetValue<string>());
        Assert.Equal(reply.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), toCitizen.Body["messageId"]!.GetValue<string>());
        Assert.Contains("已责令商户退回店内经营。", toCitizen.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(number, toCitizen.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        using var integrator = host.Factory.CreateIntegratorClient();
        var logged = (await OutboxHost.DeliveriesAsync(integrator, number)).Single(e => e!["kind"]!.GetValue<string>() == "Reply")!;
        Assert.Equal(("Sent", "138****8000"), (logged["outcome"]!.GetValue<string>(), logged["address"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_try_a_failing_gateway_again_after_a_doubling_wait_then_give_up_with_each_try_on_the_timeline()
    {
        await using var gateway = new SmsTestGateway { Status = HttpStatusCode.InternalServerError };
        var settings = gateway.Settings();
        settings["Hotline:Notices:Delivery:MaxAttempts"] = "3";
        settings["Hotline:Notices:Delivery:FirstRetryDelay"] = "00:01:00";
        await using var host = await OutboxHost.StartAsync(OnPostgreSql, settings);
        await host.SetUnitContactsAsync("DH-CG", null, "13900000001");
        var number = await host.FileComplaintAsync();
        var start = host.Factory.Clock.GetUtcNow();

        Assert.Equal(1, await host.Delivery.RunOnceAsync("worker-1"));
        Assert.Equal(0, await host.Delivery.RunOnceAsync("worker-1")); // not due again yet
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.Delivery.RunOnceAsync("worker-1"));
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await host.Delivery.RunOnceAsync("worker-1")); // the second wait is two minutes
        host.Factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await host.Delivery.RunOnceAsync("worker-1"));
        host.Factory.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await host.Delivery.RunOnceAsync("worker-1")); // given up

        Assert.Equal(3, gateway.Received.Count);
        var message = Assert.Single(await host.MessagesAsync(number));
        Assert.Equal((OutboxStatus.GivenUp, 3), (message.Status, message.Attempts));
        using var integrator = host.Factory.CreateIntegratorClient();
        var log = await OutboxHost.DeliveriesAsync(integrator, number);
        Assert.Equal(["Failed", "Failed", "GivenUp"], log.Select(e => e!["outcome"]!.GetValue<string>()));
        Assert.Equal([1, 2, 3], log.Select(e => e!["try"]!.GetValue<int>()));
        Assert.Equal(start.AddMinutes(1), log[0]!["nextAttemptAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(start.AddMinutes(3), log[1]!["nextAttemptAt"]!.GetValue<DateTimeOffset>());
        Assert.All(log, e => Assert.Contains("500", e!["error"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.DoesNotContain("13900000001", log.ToJsonString(), StringComparison.Ordinal);

        // The case page's timeline shows the same tries, the unit by name.
        await using var scope = host.Factory.Services.CreateAsyncScope();
        var sheet = await scope.ServiceProvider.GetRequiredService<IWorkbenchCases>()
            .FindAsync(Notifications.NotificationTests.Person("pd-wang", HotlineRoles.Dispatcher), number, CancellationToken.None);
        Assert.Equal(["Failed", "Failed", "GivenUp"], sheet!.Deliveries.Select(d => d.Outcome));
        Assert.All(sheet.Deliveries, d => Assert.Equal(("东湖区城管局", "139****0001", OutboxChannel.Sms), (d.UnitName, d.Address, d.Channel)));
    }

    [Fact]
    public async Task Should_write_no_message_for_a_channel_the_host_does_not_have()
    {
        await using var host = await OutboxHost.StartAsync(OnPostgreSql, []);
        await host.SetUnitContactsAsync("DH-CG", "dispatch@cg.donghu.example.gov.cn", "13900000001");

        var number = await host.FileComplaintAsync();

        Assert.Empty(await host.MessagesAsync(number));
        await using var db = await host.Contexts.CreateDbContextAsync();
        Assert.True(await db.Notifications.AnyAsync(n => n.CaseNumber == number && n.Kind == NotificationKind.NewTask)); // the bell still rings
    }

    /// <summary>The unit signs for and answers the case, the dispatcher approves: the reply goes to the citizen.</summary>
    private static async Task ReplyAsync(OutboxHost host, string answer)
    {
        var unit = await host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var task = (await unit.GetFromJsonAsync<JsonObject>("/api/inbox"))!["items"]!.AsArray().Single()!;
        var taskId = task["taskId"]!.GetValue<string>();
        (await unit.PostAsync($"/api/inbox/{taskId}/claim", null)).EnsureSuccessStatusCode();
        (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer })).EnsureSuccessStatusCode();
        var dispatcher = await host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        var review = (await dispatcher.GetFromJsonAsync<JsonObject>("/api/inbox"))!["items"]!.AsArray().Single()!;
        (await dispatcher.PostAsJsonAsync($"/api/inbox/{review["taskId"]}/review", new { decision = "approve" })).EnsureSuccessStatusCode();
    }
}

public sealed class SqliteOutboxDeliveryTests : OutboxDeliveryTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlOutboxDeliveryTests : OutboxDeliveryTests
{
    protected override bool OnPostgreSql => true;
}
