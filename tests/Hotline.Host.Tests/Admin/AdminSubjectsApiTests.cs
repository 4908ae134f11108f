using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Audit;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// <c>/api/admin/subjects</c>: the taxonomy is listed, read, extended and changed with the version read and audited; a
/// loop, an unknown parent, a default type the subject does not accept, a stale version, another role and an unknown
/// code are refused.
/// </summary>
public abstract class AdminSubjectsApiTests : AdminTest
{
    private static readonly string[] ComplaintAndReport = ["Complaint", "Report"];

    [Fact]
    public async Task Should_create_list_read_and_change_subjects_with_audit_When_an_administrator_edits_the_taxonomy()
    {
        var created = await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/subjects",
            new { code = "SR-ZDJY", name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintAndReport }), HttpStatusCode.Created);
        Assert.Equal(("Complaint", 1), (created["defaultCaseType"]!.GetValue<string>(), created["version"]!.GetValue<int>()));
        var page = await BodyAsync(await Admin.GetAsync("/api/admin/subjects?parentCode=SR-ROAD"));
        Assert.Equal(["SR-ZDJY"], page["items"]!.AsArray().Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal(6, (await BodyAsync(await Admin.GetAsync("/api/admin/subjects/SR-ROAD")))["caseTypes"]!.AsArray().Count);

        var changed = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY",
            new { version = 1, name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintAndReport, defaultCaseType = "Report" }));

        Assert.Equal(("Report", 2), (changed["defaultCaseType"]!.GetValue<string>(), changed["version"]!.GetValue<int>()));
        var updated = (await AuditByActionAsync(AuditActions.SubjectCreated, AuditActions.SubjectUpdated))[AuditActions.SubjectUpdated];
        Assert.Equal(("Complaint", "Report"), (JsonNode.Parse(updated.Before!)!["defaultCaseType"]!.ToString(), JsonNode.Parse(updated.After!)!["defaultCaseType"]!.ToString()));
    }

    [Fact]
    public async Task Should_refuse_loops_unknown_parents_bad_types_and_stale_versions_When_a_subject_is_changed()
    {
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-ZDJY", name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintAndReport }), HttpStatusCode.Created);

        var cycle = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ROAD", new { version = 1, name = "占道", parentCode = "SR-ZDJY", caseTypes = ComplaintAndReport }), HttpStatusCode.Conflict);
        Assert.Contains("its own descendant SR-ZDJY", cycle["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(["parentCode", "defaultCaseType"], await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY",
            new { version = 1, name = "占道经营", parentCode = "NOPE", caseTypes = ComplaintAndReport, defaultCaseType = "Praise" })));
        Assert.Equal(["version", "name", "caseTypes"], await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY", new { caseTypes = Array.Empty<string>() })));
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY", new { version = 1, name = "占道经营2", caseTypes = ComplaintAndReport }));
        var stale = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY", new { version = 1, name = "占道经营3", caseTypes = ComplaintAndReport }), HttpStatusCode.Conflict);
        Assert.Equal(2, stale["currentVersion"]!.GetValue<int>());
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-ZDJY", name = "x", caseTypes = ComplaintAndReport }), HttpStatusCode.Conflict);
        Assert.Equal(2, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task Should_answer_403_for_unit_users_and_operators_and_404_for_unknown_codes()
    {
        var unit = await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var operatorClient = await Host.Factory.CreateUserClientAsync("op-wang", ["operator"]);
        var dispatcher = await Host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);
        foreach (var client in new[] { unit, operatorClient })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/subjects")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/admin/subjects/SR-ROAD")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/admin/subjects", new { code = "X", name = "x" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/admin/subjects/SR-ROAD", new { version = 1, name = "x" })).StatusCode);
        }

        await BodyAsync(await dispatcher.GetAsync("/api/admin/subjects"));
        Assert.Equal(HttpStatusCode.Forbidden, (await dispatcher.PutAsJsonAsync("/api/admin/subjects/SR-ROAD", new { version = 1, name = "x" })).StatusCode);
        await BodyAsync(await Admin.GetAsync("/api/admin/subjects/NOPE"), HttpStatusCode.NotFound);
        await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/subjects/NOPE", new { version = 1, name = "x", caseTypes = ComplaintAndReport }), HttpStatusCode.NotFound);
        Assert.Empty(await AuditAsync());
    }
}

/// <summary>The subject API on SQLite.</summary>
public sealed class SqliteAdminSubjectsApiTests : AdminSubjectsApiTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The subject API on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminSubjectsApiTests : AdminSubjectsApiTests
{
    protected override bool OnPostgreSql => true;
}
