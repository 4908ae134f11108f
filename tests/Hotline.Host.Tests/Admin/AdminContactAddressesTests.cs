using System.Net;
using System.Net.Http.Json;
using System.Text;
using Hotline.Host.Tests.Reference;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// Where notices go outside the workbench: a unit's notice e-mail (通知邮箱) through the unit API and the units file, an
/// account's e-mail (邮箱) and mobile (手机) through the account API; a bad address is refused naming its field.
/// </summary>
public abstract class AdminContactAddressesTests : AdminTest
{
    private const string Import = "/api/admin/reference/import";

    private static object Unit(int version, string? contactEmail) =>
        new { version, name = "东湖区城管局", level = "District", districtCode = "990103", contactEmail };

    [Fact]
    public async Task Should_keep_a_units_notice_email_and_refuse_a_bad_one_naming_contactEmail_When_an_administrator_changes_the_unit()
    {
        var changed = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", Unit(1, " dispatch@cg.donghu.example.gov.cn ")));
        var refused = await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", Unit(2, "dispatch at cg")));
        var tooLong = await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/units/DH-CG", Unit(2, new string('a', 250) + "@cg.example.gov.cn")));

        Assert.Equal("dispatch@cg.donghu.example.gov.cn", changed["contactEmail"]!.GetValue<string>());
        Assert.Equal(["contactEmail"], refused);
        Assert.Equal(["contactEmail"], tooLong);
        var unit = await BodyAsync(await Admin.GetAsync("/api/admin/units/DH-CG"));
        Assert.Equal(("dispatch@cg.donghu.example.gov.cn", 2), (unit["contactEmail"]!.GetValue<string>(), unit["version"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Should_import_and_export_a_units_notice_email_and_report_a_bad_one_When_the_units_file_has_the_column()
    {
        var good = Encoding.UTF8.GetBytes("code,name,parentCode,level,districtCode,contactEmail\nCG-XH,新华中队,DH-CG,Town,990103,xh@cg.donghu.example.gov.cn\n");
        var bad = Encoding.UTF8.GetBytes("code,name,parentCode,level,districtCode,contactEmail\nCG-HP,和平中队,DH-CG,Town,990103,not-an-address\n");

        await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form(("units.csv", good))));
        var refused = await BodyAsync(await Admin.PostAsync(Import, ReferenceFiles.Form(("units.csv", bad))), HttpStatusCode.BadRequest);
        var exported = await (await Admin.GetAsync("/api/admin/reference/export/units?format=csv")).Content.ReadAsStringAsync();

        Assert.Equal("xh@cg.donghu.example.gov.cn", (await BodyAsync(await Admin.GetAsync("/api/admin/units/CG-XH")))["contactEmail"]!.GetValue<string>());
        Assert.Contains(refused["errors"]!.AsObject(), e => e.Key.EndsWith(":contactEmail", StringComparison.Ordinal));
        using var missing = await Admin.GetAsync("/api/admin/units/CG-HP");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains(",Standard,xh@cg.donghu.example.gov.cn", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_an_accounts_email_and_normalized_mobile_and_refuse_bad_ones_naming_the_field_When_an_administrator_changes_the_account()
    {
        await Host.Factory.CreateUserClientAsync("cg-li", ["unit"], "DH-CG");
        var version = (await UserAsync("cg-li"))["version"]!.GetValue<int>();
        object Profile(string? email, string? mobile) => new { version, displayName = "李承办", roles = new[] { "unit" }, unitCode = "DH-CG", email, mobile };

        var badMobile = await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", Profile("li@cg.donghu.example.gov.cn", "0371-12345678")));
        var badEmail = await BadFieldsAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", Profile("li@", "13900000001")));
        var changed = await BodyAsync(await Admin.PutAsJsonAsync("/api/admin/users/cg-li", Profile("li@cg.donghu.example.gov.cn", "+86 139-0000-0001")));

        Assert.Equal(["mobile"], badMobile);
        Assert.Equal(["email"], badEmail);
        Assert.Equal(("li@cg.donghu.example.gov.cn", "13900000001", version + 1),
            (changed["email"]!.GetValue<string>(), changed["mobile"]!.GetValue<string>(), changed["version"]!.GetValue<int>()));
        var read = await UserAsync("cg-li");
        Assert.Equal(("li@cg.donghu.example.gov.cn", "13900000001"), (read["email"]!.GetValue<string>(), read["mobile"]!.GetValue<string>()));
    }
}

public sealed class SqliteAdminContactAddressesTests : AdminContactAddressesTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlAdminContactAddressesTests : AdminContactAddressesTests
{
    protected override bool OnPostgreSql => true;
}
