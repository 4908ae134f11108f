using System.Net;
using Hotline.Workflows.Http;

namespace Hotline.Workflows.Tests.Http;

/// <summary>Which addresses workflow requests may reach.</summary>
public sealed class HttpAddressGuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("0.0.0.0")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("100.127.255.255")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::10.0.0.1")]
    public void Should_call_an_address_internal_When_it_is_loopback_private_link_local_or_special(string address) =>
        Assert.True(HttpAddressGuard.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("193.168.1.1")]
    [InlineData("2001:4860:4860::8888")]
    [InlineData("::ffff:8.8.8.8")]
    public void Should_call_an_address_public_When_it_is_outside_the_internal_ranges(string address) =>
        Assert.False(HttpAddressGuard.IsInternal(IPAddress.Parse(address)));

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("gopher://example.org/")]
    [InlineData("ftp://example.org/")]
    public void Should_refuse_a_url_When_its_scheme_is_not_http(string url) =>
        Assert.Throws<HttpAddressNotAllowedException>(() => new HttpAddressGuard().CheckUrl(new Uri(url)));

    [Fact]
    public void Should_refuse_a_host_When_hosts_are_listed_and_it_is_not_one_of_them()
    {
        var guard = new HttpAddressGuard(["api.example.org", "127.0.0.1"]);

        guard.CheckUrl(new Uri("https://API.example.org./v1"));
        guard.CheckUrl(new Uri("http://127.0.0.1:8080/"));
        var refusal = Assert.Throws<HttpAddressNotAllowedException>(() => guard.CheckUrl(new Uri("https://evil.example.org/")));
        Assert.Equal("evil.example.org", refusal.Host);
    }
}
