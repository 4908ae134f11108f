using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Reference;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// The reference files carry what the administration API added (unit duty and response level, subject case types,
/// knowledge status, validity, author, reviewer and return reason): an export imported again changes nothing, an
/// article imported without a status is published as before, and an import that changes a record raises its version.
/// </summary>
public abstract class AdminReferenceColumnsTests : AdminTest
{
    private const string Import = "/api/admin/reference/import";
    private static readonly string[] ComplaintAndReport = ["Complaint", "Report"];

    [Fact]
    public async Task Should_find_nothing_to_change_When_an_export_of_the_new_columns_is_imported_again()
    {
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/units", new { code = "CG-XH", name = "新华中队", parentCode = "DH-CG", level = "Town", isOnDuty24h = true, responseLevel = "Emergency" }), HttpStatusCode.Created);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-ZDJY", name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintAndReport, defaultCaseType = "Report" }), HttpStatusCode.Created);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge", new { id = "KB-9001", title = "占道", question = "问", answer = "答", validFrom = "2026-03-10", validTo = "2026-12-31" }), HttpStatusCode.Created);
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/submit", new { version = 1 }));
        await BodyAsync(await Admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/return", new { version = 2, reason = "缺少地址" }));
        var exported = new List<(string, byte[])>();
        foreach (var kind in ReferenceFiles.Kinds)
            exported.Add(($"{kind}.csv", await (await Admin.GetAsync($"/api/admin/reference/export/{kind}?format=csv")).Content.ReadAsByteArrayAsync()));
        var text = string.Join("\n", exported.Select(e => Encoding.UTF8.GetString(e.Item2)));
        Assert.Contains("true,Emergency", text, StringComparison.Ordinal);
        Assert.Contains("Complaint Report", text, StringComparison.Ordinal);
        Assert.Contains("Draft,2026-03-10,2026-12-31,admin,,缺少地址", text, StringComparison.Ordinal);

        var beforeImport = (await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/KB-9001"))).ToJsonString();
        var report = await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form([.. exported])));
        Assert.Equal(beforeImport, (await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/KB-9001"))).ToJsonString());

        Assert.All(report["kinds"]!.AsArray(), k => Assert.Equal(k!["rows"]!.GetValue<int>(), k["unchanged"]!.GetValue<int>()));
        var article = await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/KB-9001"));
        Assert.Equal(("Draft", 3), (article["status"]!.GetValue<string>(), article["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Should_publish_articles_without_a_status_and_raise_the_version_of_changed_records_When_files_are_imported()
    {
        var csv = ReferenceFiles.Csv(["id,title,question,answer,active", "KB-1,甲,问,答,", "KB-2,乙,问,答,false"]);
        await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form(("knowledge.csv", csv))));
        var units = ReferenceFiles.Csv(["code,name,level,districtCode,responseLevel", "DH-ZJ,东湖区住建局（新）,District,990103,Priority"]);
        await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form(("units.csv", units))));

        var first = await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/KB-1"));
        var second = await BodyAsync(await Admin.GetAsync("/api/admin/knowledge/KB-2"));
        var unit = await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-ZJ"));
        Assert.Equal(("Published", true), (first["status"]!.GetValue<string>(), first["isActive"]!.GetValue<bool>()));
        Assert.Equal(("Expired", false), (second["status"]!.GetValue<string>(), second["isActive"]!.GetValue<bool>()));
        Assert.Equal(("Priority", 2), (unit["responseLevel"]!.GetValue<string>(), unit["version"]!.GetValue<int>()));
        var bad = ReferenceFiles.Csv(["code,name,defaultCaseType,caseTypes", "SR-X,甲,Praise,Complaint"]);
        var problems = await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form(("subjects.csv", bad))), HttpStatusCode.BadRequest);
        Assert.Contains("subjects.csv:2:defaultCaseType", problems.ToJsonString(), StringComparison.Ordinal);
    }
}

/// <summary>The new reference columns on SQLite.</summary>
public sealed class SqliteAdminReferenceColumnsTests : AdminReferenceColumnsTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The new reference columns on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlAdminReferenceColumnsTests : AdminReferenceColumnsTests
{
    protected override bool OnPostgreSql => true;
}
