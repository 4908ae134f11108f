using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// <c>/api/admin/knowledge</c>: an article is written as a draft, reviewed by another administrator, published, expired
/// and withdrawn, each step audited; search offers it only while published and within its validity dates; a transition
/// from the wrong status, an edit of a published answer, a self-approval, a bad field, a stale version, another role and
/// an unknown id are refused.
/// </summary>
public abstract class AdminKnowledgeApiTests : AdminTest
{
    private static object Article(string? id = "KB-9001", int? version = null, string title = "占道经营怎么投诉", string? validFrom = null, string? validTo = null) =>
        new { id, version, title, question = "门口有人占道摆摊怎么办？", answer = "可拨打12345或向城管部门反映。", subjectCode = "SR-ROAD", keywords = "占道 摆摊", validFrom, validTo };

    private static Task<HttpResponseMessage> StepAsync(HttpClient client, string step, int version, string? reason = null, string id = "KB-9001") =>
        client.PostAsJsonAsync($"/api/admin/knowledge/{id}/{step}", new { version, reason });

    private async Task<List<string>> OfferedAsync() =>
        [.. (await Admin.GetFromJsonAsync<JsonArray>("/api/knowledge/search?q=" + Uri.EscapeDataString("占道摆摊")))!.Select(h => h!["id"]!.GetValue<string>())];

    [Fact]
    public async Task Should_publish_expire_and_withdraw_an_article_with_audit_When_another_administrator_reviews_it()
    {
        var reviewer = await Host.Factory.CreateUserClientAsync("admin2", ["administrator"]);
        var draft = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", Article()), HttpStatusCode.Created);
        Assert.Equal(("Draft", "admin", false), (draft["status"]!.GetValue<string>(), draft["author"]!.GetValue<string>(), draft["isActive"]!.GetValue<bool>()));
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/knowledge/KB-9001", Article(version: 1, title: "占道摆摊如何投诉")));
        await BodyAsync(await StepAsync(Admin, "submit", 2));
        Assert.Empty(await OfferedAsync());

        var self = await BodyAsync(await StepAsync(Admin, "approve", 3), HttpStatusCode.Conflict);
        var published = await BodyAsync(await StepAsync(reviewer, "approve", 3));

        Assert.Contains("another administrator reviews", self["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("Published", "admin2", true), (published["status"]!.GetValue<string>(), published["reviewer"]!.GetValue<string>(), published["isActive"]!.GetValue<bool>()));
        Assert.Equal(["KB-9001"], await OfferedAsync());
        await BodyAsync(await StepAsync(Admin, "expire", 4));
        Assert.Empty(await OfferedAsync());
        Assert.Equal("Draft", (await BodyAsync(await StepAsync(Admin, "withdraw", 5)))["status"]!.GetValue<string>());
        var rows = await AuditByActionAsync(AuditActions.KnowledgeCreated, AuditActions.KnowledgeUpdated, AuditActions.KnowledgeSubmitted, AuditActions.KnowledgePublished,
            AuditActions.KnowledgeExpired, AuditActions.KnowledgeWithdrawn);
        var approval = rows[AuditActions.KnowledgePublished];
        Assert.Equal(("InReview", "Published", "admin2"), (JsonNode.Parse(approval.Before!)!["status"]!.ToString(), JsonNode.Parse(approval.After!)!["status"]!.ToString(), approval.Actor));
        var edit = rows[AuditActions.KnowledgeUpdated];
        Assert.Equal(("占道经营怎么投诉", "占道摆摊如何投诉"), (JsonNode.Parse(edit.Before!)!["title"]!.ToString(), JsonNode.Parse(edit.After!)!["title"]!.ToString()));
        Assert.Equal(("Published", "Expired"), (JsonNode.Parse(rows[AuditActions.KnowledgeExpired].Before!)!["status"]!.ToString(), JsonNode.Parse(rows[AuditActions.KnowledgeExpired].After!)!["status"]!.ToString()));
    }

    [Fact]
    public async Task Should_answer_409_naming_the_status_When_a_transition_or_an_edit_does_not_fit_the_status()
    {
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", Article()), HttpStatusCode.Created);
        var approveDraft = await BodyAsync(await StepAsync(Admin, "approve", 1), HttpStatusCode.Conflict);
        Assert.Contains("KB-9001 is Draft", approveDraft["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        await BodyAsync(await StepAsync(Admin, "submit", 1));
        Assert.Equal(["reason"], await BadFieldsAsync(await StepAsync(Admin, "return", 2)));
        var returned = await BodyAsync(await StepAsync(Admin, "return", 2, "答复缺少办理地址"));
        Assert.Equal(("Draft", "答复缺少办理地址"), (returned["status"]!.GetValue<string>(), returned["returnReason"]!.GetValue<string>()));
        await BodyAsync(await StepAsync(Admin, "submit", 3));

        // The only administrator may approve what they wrote.
        await BodyAsync(await StepAsync(Admin, "approve", 4));
        var submitPublished = await BodyAsync(await StepAsync(Admin, "submit", 5), HttpStatusCode.Conflict);
        var editPublished = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/knowledge/KB-9001", Article(version: 5)), HttpStatusCode.Conflict);
        var stale = await BodyAsync(await StepAsync(Admin, "expire", 4), HttpStatusCode.Conflict);

        Assert.Contains("KB-9001 is Published", submitPublished["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("withdraw it to draft first", editPublished["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, stale["currentVersion"]!.GetValue<int>());
        Assert.Equal(5, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Should_offer_an_article_only_within_its_validity_dates_When_it_is_published()
    {
        Assert.Equal(["validTo"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", Article(validFrom: "2026-03-10", validTo: "2026-03-09"))));
        // Today is 2026-03-02 at the hotline: the first starts tomorrow, the second ended yesterday, the third covers today (its last day).
        foreach (var (id, from, to) in new[] { ("KB-9001", "2026-03-03", (string?)null), ("KB-9002", null, "2026-03-01"), ("KB-9003", "2026-03-02", "2026-03-02") })
        {
            await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", Article(id, validFrom: from, validTo: to)), HttpStatusCode.Created);
            await BodyAsync(await StepAsync(Admin, "submit", 1, id: id));
            await BodyAsync(await StepAsync(Admin, "approve", 2, id: id));
        }

        Assert.Equal(["KB-9003"], await OfferedAsync());
    }

    [Fact]
    public async Task Should_answer_400_403_and_404_When_the_request_is_bad_forbidden_or_unknown()
    {
        var dispatcher = await Host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", ["operator"]);
        foreach (var client in new[] { unit, operatorClient, dispatcher })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/knowledge")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/knowledge", Article())).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync(client, "submit", 1)).StatusCode);
        }

        Assert.Equal(["id", "title", "question", "answer", "subjectCode"], await BadFieldsAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge",
            new { id = "KB 1", title = "", subjectCode = "NOPE" })));
        Assert.Equal(["status"], await BadFieldsAsync(await Admin.GetAsync("/api/admin/knowledge?status=Lost")));
        await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/NOPE"), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/knowledge/NOPE", Article(id: null, version: 1)), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge/NOPE/submit", new { version = 1 }), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", Article()), HttpStatusCode.Created);
        var page = await BodyAsync(await Admin.GetAsync("/api/admin/knowledge?status=Draft&subjectCode=SR-ROAD&q=" + Uri.EscapeDataString("占道")));
        Assert.Equal(1, page["total"]!.GetValue<int>());
        Assert.Single(await AuditAsync());
    }
}

/// <summary>The knowledge administration API on SQLite.</summary>
public sealed class SqliteAdminKnowledgeApiTests : AdminKnowledgeApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The knowledge administration API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminKnowledgeApiTests : AdminKnowledgeApiTests
{
    protected override bool OnPostgreSql => true;
}

