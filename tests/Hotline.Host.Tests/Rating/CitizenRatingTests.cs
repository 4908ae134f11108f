using Hotline.Domain.Cases;
using Hotline.Domain;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Notifications;
using Hotline.Domain.Outbox;
using Hotline.Domain.Rating;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Workbench.Rating;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Rating;

/// <summary>
/// 好差评 through the reply's one-time link: cases driven through the shipped workflows to their reply, then rated
/// through the rating page's port (<see cref="IRatingDesk"/>) as the public page does.
/// </summary>
public abstract class CitizenRatingTests : IAsyncLifetime
{
    private const string Centre = "RX-PD";
    private const string CallbackDesk = "RX-HF";
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private readonly SmsTestGateway _gateway = new();

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        var settings = _gateway.Settings();
        settings["Hotline:Notices:Delivery:Enabled"] = "false";
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql, settings);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = Centre, Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task Should_text_the_citizen_a_link_whose_token_is_stored_only_hashed_and_never_in_the_timeline_When_the_case_is_replied()
    {
        var @case = await ReplyAsync("小区门口占道经营");

        await _host.Factory.Services.GetRequiredService<OutboxDelivery>().RunOnceAsync("worker-1");
        var text = _gateway.Received.Single(r => r.Body["to"]!.GetValue<string>() == "13800000001").Body["text"]!.GetValue<string>();
        var token = TokenIn(text);
        Assert.Contains("已责令商户退回店内经营 请您对本次办理进行评价：http://127.0.0.1:5080/rate/" + token, text, StringComparison.Ordinal);
        Assert.True(token.Length >= 22, token); // at least 128 bits in base64url
        Assert.Equal("已责令商户退回店内经营", await LastReplyAsync(@case.Id)); // staff read the reply without the citizen's link
        Assert.DoesNotContain(await _host.EventsAsync(@case.Id), e => e.Data?.Contains(token, StringComparison.Ordinal) == true);
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var row = Assert.Single(await db.RatingTokens.AsNoTracking().Where(t => t.CaseId == @case.Id).ToListAsync());
        Assert.Equal(SecretTokens.Hash(token), row.TokenHash);
        Assert.Equal(TimeSpan.FromDays(15), row.ExpiresAt - row.CreatedAt);
        var subject = await Desk().FindAsync(token);
        Assert.NotNull(subject);
        Assert.Equal((@case.Number, "小区门口占道经营", "已责令商户退回店内经营"), (subject.CaseNumber, subject.Content, subject.Reply));
    }

    [Fact]
    public async Task Should_record_the_rating_once_When_the_link_is_used_twice()
    {
        var @case = await ReplyAsync("商铺占道经营");
        var token = await LinkTokenAsync(@case.Id);

        Assert.True(await Desk().RateAsync(token, CitizenRating.Satisfied, "处理及时"));
        Assert.False(await Desk().RateAsync(token, CitizenRating.Unsatisfied, null));

        Assert.Null(await Desk().FindAsync(token));
        var rated = Assert.Single(await _host.EventsAsync(@case.Id), e => e.Kind == CaseEventKind.CitizenRated);
        Assert.Equal(new CitizenRatedData(CitizenRating.Satisfied, "处理及时"), CaseEventData.Read<CitizenRatedData>(rated.Data));
    }

    [Fact]
    public async Task Should_let_only_one_of_two_submissions_count_When_they_arrive_together()
    {
        var @case = await ReplyAsync("夜市占道经营");
        var token = await LinkTokenAsync(@case.Id);

        var results = await Task.WhenAll(Desk().RateAsync(token, CitizenRating.Satisfied, null), Desk().RateAsync(token, CitizenRating.Unsatisfied, null));

        Assert.Single(results, r => r);
        Assert.Single(await _host.EventsAsync(@case.Id), e => e.Kind == CaseEventKind.CitizenRated);
    }

    [Fact]
    public async Task Should_refuse_the_link_When_it_has_expired()
    {
        var @case = await ReplyAsync("早市占道经营");
        var token = await LinkTokenAsync(@case.Id);

        _host.Factory.Clock.Advance(TimeSpan.FromDays(15));

        Assert.Null(await Desk().FindAsync(token));
        Assert.False(await Desk().RateAsync(token, CitizenRating.Satisfied, null));
        Assert.DoesNotContain(await _host.TimelineAsync(@case.Id), k => k == CaseEventKind.CitizenRated);
    }

    [Fact]
    public async Task Should_replace_the_link_When_the_case_is_replied_again_after_rehandling()
    {
        var @case = await ReplyAsync("路口占道经营");
        var first = await LinkTokenAsync(@case.Id);
        await _host.ActAsync(CallbackDesk, "Unsatisfied", new { resolved = false }, centre: true);
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已再次清理" });
        await _host.ActAsync(Centre, "Approved", centre: true);

        var second = await LinkTokenAsync(@case.Id);

        Assert.NotEqual(first, second);
        Assert.False(await Desk().RateAsync(first, CitizenRating.Satisfied, null));
        Assert.True(await Desk().RateAsync(second, CitizenRating.BasicallySatisfied, null));
    }

    [Fact]
    public async Task Should_answer_404_with_one_neutral_message_When_the_link_is_unknown_or_used()
    {
        var @case = await ReplyAsync("桥下占道经营");
        var token = await LinkTokenAsync(@case.Id);
        using var client = _host.Factory.CreateClient();

        var working = await client.GetAsync(new Uri("/rate/" + token, UriKind.Relative));
        Assert.True(await Desk().RateAsync(token, CitizenRating.Satisfied, null));
        var used = await client.GetAsync(new Uri("/rate/" + token, UriKind.Relative));
        var unknown = await client.GetAsync(new Uri("/rate/" + SecretTokens.New(), UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, working.StatusCode);
        Assert.Contains(@case.Number, await working.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain("13800000001", await working.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var answer in new[] { used, unknown })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, answer.StatusCode);
            var body = System.Net.WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            Assert.Contains("该评价链接已失效", body, StringComparison.Ordinal);
            Assert.DoesNotContain(@case.Number, body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Should_refuse_a_rating_When_the_case_was_voided_or_merged()
    {
        Assert.Throws<InvalidOperationException>(() => new Case { Status = CaseStatus.Voided }.Rate(CitizenRating.Satisfied, null, Monday));
        Assert.Throws<InvalidOperationException>(() => new Case { Status = CaseStatus.Merged }.Rate(CitizenRating.Satisfied, null, Monday));
    }

    /// <summary>The raw token of the link in a text message (it exists only there).</summary>
    internal static string TokenIn(string text) => text[(text.LastIndexOf("/rate/", StringComparison.Ordinal) + "/rate/".Length)..];

    /// <summary>The token of the latest reply's text message to the citizen, as the outbox holds it.</summary>
    private async Task<string> LinkTokenAsync(Guid caseId)
    {
        await using var db = await _host.Contexts.CreateDbContextAsync();
        var replies = await db.OutboxMessages.AsNoTracking().Where(m => m.CaseId == caseId && m.Kind == NotificationKind.Reply).ToListAsync();
        return TokenIn(replies.MaxBy(m => m.Id)!.Body);
    }

    private IRatingDesk Desk() => _host.Factory.Services.CreateScope().ServiceProvider.GetRequiredService<IRatingDesk>();

    private async Task<Case> ReplyAsync(string content)
    {
        var run = await _host.StartCaseAsync("Complaint", content, subjectCode: "SR-ROAD");
        await _host.ActAsync("DH-CG", "Completed", new { answer = "已责令商户退回店内经营" });
        await _host.ActAsync(Centre, "Approved", centre: true);
        return await _host.CaseOfAsync(run.InstanceId);
    }

    private async Task<string> LastReplyAsync(Guid caseId) =>
        CaseEventData.Read<RepliedData>((await _host.EventsAsync(caseId)).Last(e => e.Kind == CaseEventKind.Replied).Data)!.Text;
}

/// <summary>The rating link on SQLite.</summary>
public sealed class SqliteCitizenRatingTests : CitizenRatingTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The rating link on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlCitizenRatingTests : CitizenRatingTests
{
    protected override bool OnPostgreSql => true;
}
