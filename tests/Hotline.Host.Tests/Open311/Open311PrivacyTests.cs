using System.Net;
using Hotline.Host.Tests.Infrastructure;
using static Hotline.Host.Tests.Open311.Open311TestSupport;

namespace Hotline.Host.Tests.Open311;

/// <summary>The anonymous Open311 feed, JSON and XML, one request or a list: no identifier a citizen wrote survives.</summary>
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
}

public sealed class SqliteOpen311PrivacyTests(SqliteSeededApiHost host) : Open311PrivacyTests<SqliteSeededApiHost>(host);

public sealed class PostgreSqlOpen311PrivacyTests(PostgreSqlSeededApiHost host) : Open311PrivacyTests<PostgreSqlSeededApiHost>(host);
