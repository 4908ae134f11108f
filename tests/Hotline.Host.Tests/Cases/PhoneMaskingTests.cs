using System.Security.Claims;
using Hotline.Host.Cases;

namespace Hotline.Host.Tests.Cases;

public class PhoneMaskingTests
{
    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138 **** 5678")]
    [InlineData("138-1234-5678", "138-****-5678")]
    [InlineData("+86 13812345678", "+86 138****5678")]
    [InlineData("8613812345678", "86138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    public void Should_ShowFirstThreeAndLastFourDigits_When_MaskingAMobileNumber(string phone, string expected) =>
        Assert.Equal(expected, PhoneMasking.Mask(phone));

    [Theory]
    [InlineData("0399-2345678", "0399-***5678")]
    [InlineData("0371-12345678", "0371-****5678")]
    [InlineData("037112345678", "0371****5678")]
    [InlineData("010-12345678", "010-****5678")]
    [InlineData("021 87654321", "021 ****4321")]
    public void Should_KeepTheAreaCodeAndLastFourDigits_When_MaskingALandline(string phone, string expected) =>
        Assert.Equal(expected, PhoneMasking.Mask(phone));

    [Theory]
    [InlineData("12345678", "****5678")]
    [InlineData("2345678", "*****78")]
    [InlineData("95598", "***98")]
    [InlineData("1234", "****")]
    [InlineData("110", "***")]
    public void Should_HideMostDigits_When_MaskingALocalOrShortNumber(string phone, string expected) =>
        Assert.Equal(expected, PhoneMasking.Mask(phone));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("无", "无")]
    public void Should_ReturnTheInputUnchanged_When_ThereAreNoDigits(string? phone, string? expected) =>
        Assert.Equal(expected, PhoneMasking.Mask(phone));

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

    [Fact]
    public void Should_MaskTheNumber_When_TheUserHasNoRoles() =>
        Assert.Equal("138****5678", PhoneVisibilityPolicy.Show("13812345678", new ClaimsPrincipal(new ClaimsIdentity())));
}
