using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Api;

/// <summary>A subject takes only its case types (诉求分类 × 诉求类型): the intake refuses another, and Open311 offers only them.</summary>
public abstract class SubjectCaseTypeTests : IAsyncLifetime
{
    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)), OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.Add(new Subject { Code = "ZC-GJJ", Name = "公积金政策", DefaultCaseType = CaseType.Consultation, CaseTypes = [CaseType.Consultation, CaseType.Suggestion] });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_refuse_a_type_the_subject_does_not_take_naming_the_type_and_register_nothing()
    {
        using var integrator = _host.Factory.CreateIntegratorClient();

        using var refused = await integrator.PostAsJsonAsync("/api/cases", new { channel = "Web", content = "公积金中心态度差", type = "Complaint", subjectCode = "ZC-GJJ" });
        using var accepted = await integrator.PostAsJsonAsync("/api/cases", new { channel = "Web", content = "公积金怎么提取", type = "Consultation", subjectCode = "ZC-GJJ" });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Contains("Consultation, Suggestion", problem!["errors"]!["type"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var listed = await (await _host.Factory.SignInAsync("admin", Infrastructure.HotlineFactory.AdminPassword)).GetFromJsonAsync<JsonObject>("/api/cases");
        Assert.Equal(1, listed!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Should_offer_only_the_subjects_types_When_Open311_describes_the_service()
    {
        var definition = await _host.Factory.CreateClient().GetFromJsonAsync<JsonObject>("/open311/v2/services/ZC-GJJ.json");

        var caseType = definition!["attributes"]!.AsArray().Single(a => a!["code"]!.GetValue<string>() == "case_type");
        Assert.Equal(["Consultation", "Suggestion"], caseType!["values"]!.AsArray().Select(v => v!["key"]!.GetValue<string>()));
    }
}

public sealed class SqliteSubjectCaseTypeTests : SubjectCaseTypeTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlSubjectCaseTypeTests : SubjectCaseTypeTests
{
    protected override bool OnPostgreSql => true;
}
