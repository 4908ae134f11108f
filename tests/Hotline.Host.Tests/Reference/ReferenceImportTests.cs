using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Hotline.Host.Cli;
using Hotline.Host.Demo;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Tests.Reference.ReferenceFiles;

namespace Hotline.Host.Tests.Reference;

/// <summary>Loading a centre's reference data through the API and the CLI, on each provider.</summary>
public abstract class ReferenceImportTests : IAsyncLifetime
{
    private const string Import = "/api/admin/reference/import";
    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), OnPostgreSql);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task Should_DispatchACaseToTheRightUnitAndListTheServices_When_AFreshInstallIsLoadedFromTheShippedFiles()
    {
        using var imported = await _admin.PostAsync(Import + "?dryRun=false", Form(AllDemo()));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        using var integrator = _host.Factory.CreateIntegratorClient();

        // 占道经营 in 东湖区 is the district's (属地); 违章停车 is the traffic police's citywide.
        var local = await CreateCaseAsync(integrator, "SR-ZDJY", "990103", "fresh-1");
        var city = await CreateCaseAsync(integrator, "JT-WZTC", "990121", "fresh-2");
        var services = await _host.Factory.CreateClient().GetFromJsonAsync<JsonArray>("/open311/v2/services.json");

        Assert.Equal("DH", local["leadUnitCode"]!.GetValue<string>());
        Assert.Contains("SZ-CG", local["assistingUnitCodes"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal("SZ-JJ", city["leadUnitCode"]!.GetValue<string>());
        var codes = services!.Select(s => s!["service_code"]!.GetValue<string>()).ToList();
        Assert.Contains("SR-ZDJY", codes);
        Assert.Contains("MZ-HYDJ", codes);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(e => e.Action == Hotline.Domain.Audit.AuditActions.ReferenceImported);
        Assert.Equal(("admin", Hotline.Domain.Audit.AuditEntityTypes.ReferenceData), (audit.Actor, audit.EntityType));
        Assert.Contains("units.csv", audit.EntityId, StringComparison.Ordinal);
        Assert.Contains("\"Units\"", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ChangeNothingAndNameExactlyTheThreeRows_When_AFileHasThreeBadRows()
    {
        var units = DemoLines("units");
        SetCell(units, 5, 4, "12345");          // districtCode not six digits
        SetCell(units, 30, 2, "NO-SUCH-UNIT");  // parentCode that exists nowhere
        SetCell(units, 41, 3, "Galaxy");        // level not one of the four
        var routing = DemoLines("routing");

        using var response = await _admin.PostAsync(Import, Form(("units.csv", Csv(units)), ("subjects.csv", DemoFile("subjects")), ("routing.csv", Csv(routing))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        var problems = body!["problems"]!.AsArray().Select(p => (p!["file"]!.GetValue<string>(), p["row"]!.GetValue<int>(), p["column"]!.GetValue<string>())).ToList();
        Assert.Equal([("units.csv", 5, "districtCode"), ("units.csv", 30, "parentCode"), ("units.csv", 41, "level")], problems);
        Assert.True(body["errors"]!.AsObject().ContainsKey("units.csv:30:parentCode"));
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Should_CountWhatWouldChangeAndChangeNothing_When_ADryRun()
    {
        using var response = await _admin.PostAsync(Import + "?dryRun=true", Form(AllDemo()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.False(report!["applied"]!.GetValue<bool>());
        var units = report["kinds"]!.AsArray().Single(k => k!["kind"]!.GetValue<string>() == "Units")!;
        Assert.Equal(DemoLines("units").Count - 1, units["added"]!.GetValue<int>());
        Assert.Empty(report["problems"]!.AsArray());
        await AssertEmptyAsync();
    }

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task Should_FindNothingToChange_When_AnExportIsImportedAgain(string format)
    {
        using (var first = await _admin.PostAsync(Import, Form(AllDemo())))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var exported = new List<(string, byte[])>();
        foreach (var kind in Kinds)
        {
            using var export = await _admin.GetAsync($"/api/admin/reference/export/{kind}?format={format}");
            Assert.Equal(HttpStatusCode.OK, export.StatusCode);
            exported.Add(($"{kind}.{format}", await export.Content.ReadAsByteArrayAsync()));
        }

        using var again = await _admin.PostAsync(Import, Form([.. exported]));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var report = await again.Content.ReadFromJsonAsync<JsonObject>();
        foreach (var kind in report!["kinds"]!.AsArray())
        {
            Assert.True(kind!["rows"]!.GetValue<int>() > 0, kind.ToJsonString());
            Assert.Equal(kind["rows"]!.GetValue<int>(), kind["unchanged"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Should_UpdateOnlyTheChangedRow_When_AnEditedFileIsImportedOverLoadedData()
    {
        using (var first = await _admin.PostAsync(Import, Form(AllDemo())))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var units = DemoLines("units");
        SetCell(units, 10, 1, "云州市卫生健康委员会（改）");

        using var response = await _admin.PostAsync(Import, Form(("units.csv", Csv(units))));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonObject>();
        var kind = report!["kinds"]!.AsArray().Single()!;
        Assert.Equal((0, 1, units.Count - 2), (kind["added"]!.GetValue<int>(), kind["updated"]!.GetValue<int>(), kind["unchanged"]!.GetValue<int>()));
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var code = units[9].Split(',')[0];
        Assert.Equal("云州市卫生健康委员会（改）", (await db.HandlingUnits.SingleAsync(u => u.Code == code)).Name);
    }

    [Fact]
    public async Task Should_ReportTheLoopAtEachRow_When_TheUnitTreeWouldHaveALoop()
    {
        var units = Csv(["code,name,parentCode,level,districtCode", "A,甲,B,Town,990103", "B,乙,A,Town,990103", "C,丙,,District,990103", "D,丁,C,Town,990103"]);

        using var response = await _admin.PostAsync(Import + "?dryRun=true", Form(("units.csv", units)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problems = (await response.Content.ReadFromJsonAsync<JsonObject>())!["problems"]!.AsArray();
        Assert.Equal([2, 3], problems.Select(p => p!["row"]!.GetValue<int>()));
        Assert.All(problems, p => Assert.Contains("loop", p!["reason"]!.GetValue<string>(), StringComparison.Ordinal));
        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Should_Answer403AndChangeNothing_When_TheCallerIsNoAdministrator()
    {
        using var dispatcher = await _host.Factory.CreateUserClientAsync("pd-wang", ["dispatcher"]);

        using var import = await dispatcher.PostAsync(Import, Form(AllDemo()));
        using var export = await dispatcher.GetAsync("/api/admin/reference/export/units");

        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        await AssertEmptyAsync();
    }

    [Theory]
    [InlineData("units.xlsx", "PK\u0003\u0004 not really a workbook", "units.xlsx:0")]
    [InlineData("units.csv", "kode,name,level,districtCode\nA,甲,District,990103\n", "units.csv:1:kode")]
    [InlineData("units.csv", "code,name,level\nA,甲,District\n", "units.csv:1:districtCode")]
    [InlineData("people.csv", "code\nA\n", "people.csv:0")]
    [InlineData("units.pdf", "%PDF-1.4", "units.pdf:0")]
    public async Task Should_Answer400NamingTheFileAndColumn_When_AFileIsBroken(string name, string content, string key)
    {
        foreach (var dryRun in new[] { "true", "false" })
        {
            using var response = await _admin.PostAsync($"{Import}?dryRun={dryRun}", Form((name, System.Text.Encoding.UTF8.GetBytes(content)), ("subjects.csv", DemoFile("subjects"))));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(body!["errors"]!.AsObject().ContainsKey(key), body.ToJsonString());
        }

        await AssertEmptyAsync();
    }

    [Fact]
    public async Task Should_LoadTheFilesAndExit0_When_TheCliImportsGoodFiles()
    {
        var directory = Directory.CreateTempSubdirectory("hotline-reference-").FullName;
        try
        {
            var units = DemoLines("units");
            SetCell(units, 3, 4, "99");
            await File.WriteAllBytesAsync(Path.Combine(directory, "units.csv"), Csv(units));
            var bad = await RunCliAsync(["reference", "import", Path.Combine(directory, "units.csv")]);
            var dry = await RunCliAsync(["reference", "import", "--dry-run", .. DemoCity.Files]);
            await AssertEmptyAsync();
            var applied = await RunCliAsync(["reference", "import", .. DemoCity.Files]);

            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("units.csv row 3 column districtCode", bad.Stdout, StringComparison.Ordinal);
            Assert.True(dry.ExitCode == 0, dry.Stdout + dry.Stderr);
            Assert.Contains("dry run: nothing changed", dry.Stdout, StringComparison.Ordinal);
            Assert.True(applied.ExitCode == 0, applied.Stdout + applied.Stderr);
            Assert.Contains($"units: {units.Count - 1} rows, {units.Count - 1} added", applied.Stdout, StringComparison.Ordinal);
            await using var db = await _host.Contexts.CreateDbContextAsync();
            Assert.Equal(units.Count - 1, await db.HandlingUnits.CountAsync());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunCliAsync(string[] args)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var provider = OnPostgreSql ? "PostgreSql" : "Sqlite";
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CommandLine.TryRunAsync(
            [.. args, $"--Hotline:Database:Provider={provider}", $"--Hotline:Database:ConnectionString={db.Database.GetConnectionString()}"], stdout, stderr);
        return (exitCode ?? -1, stdout.ToString(), stderr.ToString());
    }

    private static async Task<JsonObject> CreateCaseAsync(HttpClient client, string subject, string district, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases")
        {
            Content = JsonContent.Create(new { channel = "Web", type = "Complaint", content = "小区门口有人占道经营，影响通行", subjectCode = subject, districtCode = district }),
        };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private async Task AssertEmptyAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        Assert.Equal(0, await db.HandlingUnits.CountAsync());
        Assert.Equal(0, await db.Subjects.CountAsync());
        Assert.Equal(0, await db.RoutingRules.CountAsync());
        Assert.Equal(0, await db.KnowledgeArticles.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync(e => e.Action == Hotline.Domain.Audit.AuditActions.ReferenceImported));
    }
}

public sealed class SqliteReferenceImportTests : ReferenceImportTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlReferenceImportTests : ReferenceImportTests
{
    protected override bool OnPostgreSql => true;
}
