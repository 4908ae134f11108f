using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Privacy;

namespace Hotline.Host.Tests.Cases;

public class PhoneVisibilityPolicyTests
{
    [Theory]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    [InlineData("0371-12345678", "037112345678")]
    [InlineData("  ", null)]
    [InlineData("不详", null)]
    public void Should_KeepDigitsWithoutCountryPrefix_When_NormalizingANumber(string phone, string? expected) =>
        Assert.Equal(expected, PhoneNumbers.Normalize(phone));

    [Theory]
    [InlineData("operator", true)]
    [InlineData("callback-agent", true)]
    [InlineData("Administrator", true)]
    [InlineData("unit", false)]
    [InlineData("integrator", false)]
    [InlineData("dispatcher", false)]
    public void Should_ShowTheFullNumberOnlyToOperatorsCallbackAgentsAndAdministrators_When_ApplyingThePolicy(string role, bool full)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role.ToLowerInvariant())], "test"));

        Assert.Equal(full, PhoneVisibilityPolicy.CanSeeFullNumber([role]));
        Assert.Equal(full, PhoneVisibilityPolicy.CanSeeFullNumber(user));
        Assert.Equal(full ? "13812345678" : "138****5678", PhoneVisibilityPolicy.Show("13812345678", [role]));
        Assert.Equal(full ? "13812345678" : "138****5678", PhoneVisibilityPolicy.Show("13812345678", user));
    }

    [Theory]
    [InlineData("unit", "电话13812345678，身份证430102199001011234，我叫王小明", "电话138****5678，身份证430102199001011234，我叫王小明")]
    [InlineData("dispatcher", "座机 0731 8888 1234", "座机 0731 **** 1234")]
    [InlineData("operator", "电话13812345678", "电话13812345678")]
    public void Should_MaskOnlyTheTelephoneNumbersInWhatTheCallerSaid_When_TheRoleSeesNumbersMasked(string role, string text, string expected)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));

        Assert.Equal(expected, PhoneVisibilityPolicy.ShowText(text, "13812345678", user));
        Assert.Null(PhoneVisibilityPolicy.ShowText(null, "13812345678", user));
    }

    [Fact]
    public void Should_MaskTheNumber_When_TheUserHasNoRoles() =>
        Assert.Equal("138****5678", PhoneVisibilityPolicy.Show("13812345678", new ClaimsPrincipal(new ClaimsIdentity())));
}
