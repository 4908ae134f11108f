using System.Net.Http.Json;
using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Users;
using Hotline.Host.Tests.Api;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workbench;

/// <summary>
/// The operator's intake desk (<see cref="IWorkbenchIntake"/> as the host implements it) keeps the API's rules: a
/// sub-centre's district, who may search by number, one case per form key, the intake's field errors; and its 并案,
/// 关联 and 直接办结 do what they say.
/// </summary>
public abstract class WorkbenchIntakeTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly ClaimsPrincipal Operator = Person("rx-zhao", HotlineRoles.Operator);

    private LifecycleHost _host = null!;
    private string _earlier = "";

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        using var integrator = _host.Factory.CreateIntegratorClient();
        using var created = await integrator.PostAsJsonAsync("/api/cases", ApiCity.Complaint());
        created.EnsureSuccessStatusCode();
        _earlier = (await created.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["number"]!.GetValue<string>();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static ClaimsPrincipal Person(string name, string role, string? districtCode = null)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), new(ClaimTypes.Role, role)];
        if (districtCode is not null)
            claims.Add(new(HotlineRoles.DistrictClaim, districtCode));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static IntakeForm Form(string content = "门口又有人占道摆摊", string? phone = "13900139000", string? district = "990103") =>
        new(phone, "李雷", "Phone", "Complaint", "SR-ROAD", district, "东湖区新华路1号", "Normal", content);

    private async Task<T> WithIntakeAsync<T>(Func<IWorkbenchIntake, Task<T>> use)
    {
        await using var scope = _host.Factory.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<IWorkbenchIntake>());
    }

    private Task<IntakeSaved> SaveAsync(ClaimsPrincipal user, IntakeForm form, IntakeDecision? decision = null, string? key = null) =>
        WithIntakeAsync(i => i.SaveAsync(user, form, key ?? Guid.NewGuid().ToString("N"), decision ?? new IntakeDecision(), default));

    private async Task<Case?> CaseAsync(string? number)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Number == number);
    }

    private async Task<int> CaseCountAsync()
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        return await db.Cases.CountAsync();
    }

    [Fact]
    public async Task Should_register_the_case_in_the_sub_centres_district_and_list_it_today_When_the_operator_leaves_the_district_empty()
    {
        var subCentre = Person("dh-wu", HotlineRoles.Operator, "990103");

        var saved = await SaveAsync(subCentre, Form(district: null));

        var @case = await CaseAsync(saved.Number);
        Assert.Equal(("990103", "dh-wu"), (@case!.DistrictCode, @case.SubmittedBy));
        Assert.Equal(saved.Number, Assert.Single(await WithIntakeAsync(i => i.TodayAsync(subCentre, default))).Number);
        Assert.Equal("990103", (await WithIntakeAsync(i => i.ChoicesAsync(subCentre, default))).FixedDistrictCode);
    }

    [Fact]
    public async Task Should_refuse_and_register_nothing_When_a_sub_centre_operator_files_in_another_district()
    {
        var before = await CaseCountAsync();

        var saved = await SaveAsync(Person("dh-wu", HotlineRoles.Operator, "990103"), Form(district: "990104"));

        Assert.Null(saved.Number);
        Assert.Contains("990103", Assert.Single(saved.Errors["districtCode"]), StringComparison.Ordinal);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_refuse_the_caller_history_When_the_role_sees_numbers_masked()
    {
        var refused = await WithIntakeAsync(i => i.HistoryAsync(Person("pd-wang", HotlineRoles.Dispatcher), "138 0013 8000", default));
        var shown = await WithIntakeAsync(i => i.HistoryAsync(Operator, "138 0013 8000", default));

        Assert.NotNull(refused.Refusal);
        Assert.Empty(refused.Cases);
        Assert.Null(shown.Refusal);
        Assert.Equal(_earlier, Assert.Single(shown.Cases).Number);
        Assert.False(await WithIntakeAsync(i => Task.FromResult(i.MayUse(Person("pd-wang", HotlineRoles.Dispatcher)))));
    }

    [Fact]
    public async Task Should_merge_the_new_case_into_the_candidate_When_the_operator_chooses_merge()
    {
        var form = Form() with { CitizenPhone = "13800138000" };
        var candidate = Assert.Single(await WithIntakeAsync(i => i.DuplicatesAsync(Operator, form, default)));

        var saved = await SaveAsync(Operator, form, new IntakeDecision(IntakeChoice.Merge, candidate.Number));

        var merged = await CaseAsync(saved.Number);
        var into = await CaseAsync(_earlier);
        Assert.Equal((_earlier, DuplicateReason.SameCaller | DuplicateReason.SamePlaceAndSubject, true), (candidate.Number, candidate.Reason, candidate.MayMerge));
        Assert.Null(saved.Problem);
        Assert.Equal((CaseStatus.Merged, into!.Id), (merged!.Status, merged.MergedIntoCaseId));
    }

    [Fact]
    public async Task Should_link_the_chosen_case_When_the_operator_chooses_link()
    {
        var saved = await SaveAsync(Operator, Form(phone: "13700137000", district: "990103") with { Address = "东湖区人民路8号" },
            new IntakeDecision(IntakeChoice.Link, _earlier));

        var linked = await CaseAsync(saved.Number);
        var earlier = await CaseAsync(_earlier);
        Assert.Null(saved.Problem);
        Assert.Contains(earlier!.Id, linked!.LinkedCaseIds);
        Assert.Contains(linked.Id, earlier.LinkedCaseIds);
    }

    [Fact]
    public async Task Should_close_the_case_as_answered_When_the_operator_answers_from_the_knowledge_base()
    {
        await using (var db = await _host.Contexts.CreateDbContextAsync())
        {
            db.KnowledgeArticles.Add(new KnowledgeArticle
            {
                Id = "KB-ROAD-01", Title = "占道经营投诉渠道", Question = "占道经营找谁？", Answer = "由属地城管部门处理。", SubjectCode = "SR-ROAD", Keywords = "占道", UpdatedAt = Monday,
            });
            await db.SaveChangesAsync();
        }

        var answer = Assert.Single(await WithIntakeAsync(i => i.KnowledgeAsync(Operator, null, "SR-ROAD", default)));
        var saved = await SaveAsync(Operator, Form() with { Type = "Consultation", KnowledgeArticleId = answer.Id });

        Assert.Equal(CaseStatus.AnsweredDirectly, saved.Status);
        Assert.Equal(CaseStatus.AnsweredDirectly, (await CaseAsync(saved.Number))!.Status);
    }

    [Fact]
    public async Task Should_register_one_case_When_the_same_form_is_saved_twice_with_its_key()
    {
        var before = await CaseCountAsync();
        var form = Form();

        var saves = await Task.WhenAll(SaveAsync(Operator, form, key: "form-1"), SaveAsync(Operator, form, key: "form-1"));

        Assert.NotNull(saves[0].Number);
        Assert.Equal(saves[0].Number, saves[1].Number);
        Assert.Equal(before + 1, await CaseCountAsync());
    }

    [Fact]
    public async Task Should_return_the_field_errors_and_write_nothing_When_the_input_is_bad()
    {
        var before = await CaseCountAsync();

        var saved = await SaveAsync(Operator, Form(content: " ", phone: "12ab"));

        Assert.Null(saved.Number);
        Assert.Equal(["citizenPhone", "content"], saved.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(before, await CaseCountAsync());
    }
}

/// <summary>The intake desk on SQLite.</summary>
public sealed class SqliteWorkbenchIntakeTests : WorkbenchIntakeTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The intake desk on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlWorkbenchIntakeTests : WorkbenchIntakeTests
{
    protected override bool OnPostgreSql => true;
}
