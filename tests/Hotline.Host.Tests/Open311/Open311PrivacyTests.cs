using System.Net;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hotline.Host.Tests.Open311.Open311TestSupport;

namespace Hotline.Host.Tests.Open311;

/// <summary>
/// The anonymous Open311 feed, JSON and XML, one request or a list: no identifier a citizen wrote survives, a report
/// (举报) shows its progress only, and a voided case is not there.
/// </summary>
public abstract class Open311PrivacyTests<THost>(THost host) : IClassFixture<THost> where THost : SeededApiHost
{
    private const string Description =
        "本人张敏，身份证430102199001011234，手机13912345678，座机0731-88881234，邮箱zhangmin@example.com，" +
        "退款请打到6222 0212 3456 1234。我叫王小明是邻居，他的号码(010)12345678。工单20261122-000123反映的押金12000元未退，芙蓉区430102。";

    private static readonly string[] Identifiers =
    [
        "430102199001011234", "13912345678", "88881234", "zhangmin@", "0212 3456", "王小明", "12345678", "138 0013 8000", "张敏",
    ];

    private static readonly string[] KeptAsWritten = ["20261122-000123", "12000元", "芙蓉区430102", "0731-****1234", "z***@example.com", "6222 **** **** 1234"];

    [Fact]
    public async Task Should_show_no_identifier_a_citizen_wrote_When_anyone_reads_the_Open311_feed()
    {
        using var client = host.Factory.CreateClient();
        using var posted = await client.PostAsync(Base + "/requests.json", Form([.. ValidFields(f =>
        {
            f.RemoveAll(x => x.Name is "description" or "address_string");
            f.Add(("description", Description));
            f.Add(("address_string", "新华路88号，电话88881234"));
        })]));
        var created = await ReadJsonAsync(posted);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var number = created![0]!["service_request_id"]!.GetValue<string>();

        using var anonymous = host.Factory.CreateClient();
        foreach (var path in new[] { $"/requests/{number}.json", $"/requests/{number}.xml", "/requests.json", "/requests.xml" })
        {
            var text = await anonymous.GetStringAsync(Base + path);
            Assert.Contains("身份证430***********1234", text, StringComparison.Ordinal);
            foreach (var identifier in Identifiers)
                Assert.DoesNotContain(identifier, text, StringComparison.Ordinal);
            foreach (var kept in KeptAsWritten)
                Assert.Contains(kept, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Should_show_a_reports_progress_only_and_no_voided_case_When_anyone_reads_the_Open311_feed()
    {
        using var client = host.Factory.CreateClient();
        var report = await PostAsync(client, "Report", "举报某工地夜间违规施工", "东湖区新华路99号工地");
        var voided = await PostAsync(client, "Complaint", "测试来电请作废", "东湖区测试路1号");
        await using (var db = await host.Factory.Services.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync())
            await db.Cases.Where(c => c.Number == voided).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CaseStatus.Voided));

        using var anonymous = host.Factory.CreateClient();
        var (status, one) = await GetJsonAsync(anonymous, $"/requests/{report}.json");
        var list = await anonymous.GetStringAsync(Base + "/requests.json");
        var xml = await anonymous.GetStringAsync(Base + $"/requests/{report}.xml");
        var (voidedStatus, _) = await GetJsonAsync(anonymous, $"/requests/{voided}.json");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("open", one![0]!["status"]!.GetValue<string>());
        Assert.Null(one[0]!["description"]);
        Assert.Null(one[0]!["address"]);
        Assert.Contains(report, list, StringComparison.Ordinal);
        foreach (var text in new[] { list, xml })
        {
            Assert.DoesNotContain("违规施工", text, StringComparison.Ordinal);
            Assert.DoesNotContain("新华路99号", text, StringComparison.Ordinal);
            Assert.DoesNotContain(voided, text, StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, voidedStatus);
    }

    private static async Task<string> PostAsync(HttpClient client, string caseType, string description, string address)
    {
        using var posted = await client.PostAsync(Base + "/requests.json", Form([.. ValidFields(f =>
        {
            f.RemoveAll(x => x.Name is "description" or "address_string");
            f.AddRange([("description", description), ("address_string", address), ("attribute[case_type]", caseType)]);
        })]));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        return (await ReadJsonAsync(posted))![0]!["service_request_id"]!.GetValue<string>();
    }
}

public sealed class SqliteOpen311PrivacyTests(SqliteSeededApiHost host) : Open311PrivacyTests<SqliteSeededApiHost>(host);

public sealed class PostgreSqlOpen311PrivacyTests(PostgreSqlSeededApiHost host) : Open311PrivacyTests<PostgreSqlSeededApiHost>(host);
