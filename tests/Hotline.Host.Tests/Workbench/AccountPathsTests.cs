using Hotline.Workbench.Account;

namespace Hotline.Host.Tests.Workbench;

/// <summary>Where the sign-in page may send a browser afterwards: a local page of this site, nothing else.</summary>
public sealed class AccountPathsTests
{
    [Theory]
    [InlineData("/cases/20260302-000001", "/cases/20260302-000001")]
    [InlineData("/?page=2", "/?page=2")]
    [InlineData(null, "/")]
    [InlineData("", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("/a/../../x", "/")]
    [InlineData("/login?returnUrl=%2F", "/")]
    [InlineData("/account/signout", "/")]
    [InlineData("/password", "/")]
    [InlineData("/x\ny", "/")]
    public void Should_keep_only_local_pages_When_a_return_address_is_given(string? candidate, string expected)
    {
        Assert.Equal(expected, AccountPaths.LocalPath(candidate));
    }

    [Theory]
    [InlineData("/login?returnUrl=%2F", "/login?returnUrl=%2F")]
    [InlineData("/password", "/password")]
    [InlineData("/account/language?culture=en", "/")]
    [InlineData("//evil.example", "/")]
    public void Should_keep_the_sign_in_pages_but_nothing_outside_When_the_language_switch_returns(string candidate, string expected)
    {
        Assert.Equal(expected, AccountPaths.PagePath(candidate));
    }
}
