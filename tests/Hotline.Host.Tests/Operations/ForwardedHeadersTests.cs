using System.Net;
using Hotline.Host.Operations.Proxy;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Operations;

/// <summary>A host behind one trusted proxy (10.9.8.7); each request's peer address comes from the test's <c>X-Test-Peer</c>.</summary>
public sealed class ProxiedHost : IDisposable
{
    public ProxiedHost() =>
        Factory = new HotlineFactory
        {
            Settings = { ["Hotline:Proxy:KnownProxies:0"] = "10.9.8.7" },
            TestServices = services => services.AddSingleton<IStartupFilter, PeerFilter>(),
        };

    public HotlineFactory Factory { get; }

    public void Dispose() => Factory.Dispose();

    /// <summary>Sets the connection's peer before the host's pipeline, and reports what the pipeline made of the request.</summary>
    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers["X-Test-Peer"].FirstOrDefault() is { } peer)
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer);
                context.Response.OnStarting(() =>
                {
                    context.Response.Headers["X-Test-Seen"] = $"{context.Request.Scheme} {context.Connection.RemoteIpAddress}";
                    return Task.CompletedTask;
                });
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>X-Forwarded-For and X-Forwarded-Proto count from the configured proxy only, never from anyone else (loopback included).</summary>
public sealed class ForwardedHeadersTests(ProxiedHost host) : IClassFixture<ProxiedHost>
{
    [Theory]
    [InlineData("10.9.8.7", "https 203.0.113.5")]
    [InlineData("10.9.8.8", "http 10.9.8.8")]
    [InlineData("127.0.0.1", "http 127.0.0.1")]
    public async Task Should_take_the_client_and_scheme_from_the_proxy_only_When_a_request_carries_forwarded_headers(string peer, string seen)
    {
        using var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Test-Peer", peer);
        request.Headers.Add("X-Forwarded-For", "203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal(seen, response.Headers.GetValues("X-Test-Seen").Single());
    }

    [Fact]
    public async Task Should_take_only_the_address_the_proxy_saw_When_the_client_forged_its_own_forwarded_for()
    {
        using var client = host.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Test-Peer", "10.9.8.7");
        // A proxy that appends the peer it saw to what the client sent ($proxy_add_x_forwarded_for; ours replaces it).
        request.Headers.Add("X-Forwarded-For", "198.51.100.1, 203.0.113.5");
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await client.SendAsync(request);

        Assert.Equal("https 203.0.113.5", response.Headers.GetValues("X-Test-Seen").Single());
    }

    [Theory]
    [InlineData("nginx")]
    [InlineData("10.0.0.0/8")]
    public void Should_refuse_a_known_proxy_When_it_is_not_an_IP_address(string value)
    {
        var result = new ProxyOptionsValidator().Validate(null, new ProxyOptions { KnownProxies = ["10.0.0.1", value] });

        Assert.True(result.Failed);
        Assert.Contains("Hotline:Proxy:KnownProxies", result.FailureMessage, StringComparison.Ordinal);
    }
}
