using System.Net;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Workflows.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Workflows;

/// <summary>
/// The host's sender of workflow HTTP requests (IHttpClientFactory, Hotline:Workflows:Http) against a Kestrel server on
/// 127.0.0.1: refused unless 127.0.0.1 is in AllowedHosts, and bounded by RequestTimeout.
/// </summary>
public sealed class OutgoingHttpTests : IAsyncLifetime
{
    private readonly TaskCompletionSource _stopping = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication _server = null!;
    private string _url = "";
    private int _received;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(async http =>
        {
            Interlocked.Increment(ref _received);
            if (http.Request.Path == "/hang")
                await _stopping.Task;
            else
                await http.Response.WriteAsJsonAsync(new { answer = 42 });
        });
        await _server.StartAsync();
        _url = _server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        _stopping.TrySetResult();
        await _server.DisposeAsync();
    }

    private static IHttpRequestSender Sender(HotlineFactory factory) => factory.Services.GetRequiredService<IHttpRequestSender>();

    [Fact]
    public async Task Should_refuse_the_loopback_server_without_sending_When_no_hosts_are_allowed()
    {
        using var factory = new HotlineFactory();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sender(factory).SendAsync(new HttpRequestMessage(HttpMethod.Get, _url + "/data"), CancellationToken.None));

        var refusal = Assert.IsType<HttpAddressNotAllowedException>(error.InnerException);
        Assert.Equal("127.0.0.1", refusal.Host);
        Assert.Equal(0, _received);
    }

    [Fact]
    public async Task Should_refuse_a_host_not_listed_When_hosts_are_allowed()
    {
        using var factory = new HotlineFactory { Settings = { ["Hotline:Workflows:Http:AllowedHosts:0"] = "api.example.org" } };

        await Assert.ThrowsAsync<HttpAddressNotAllowedException>(() => Sender(factory).SendAsync(new HttpRequestMessage(HttpMethod.Get, _url + "/data"), CancellationToken.None));

        Assert.Equal(0, _received);
    }

    [Fact]
    public async Task Should_answer_from_the_loopback_server_When_127_0_0_1_is_allowed()
    {
        using var factory = new HotlineFactory { Settings = { ["Hotline:Workflows:Http:AllowedHosts:0"] = "127.0.0.1" } };

        using var response = await Sender(factory).SendAsync(new HttpRequestMessage(HttpMethod.Get, _url + "/data"), CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"answer":42}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_time_out_after_the_configured_RequestTimeout_When_the_server_does_not_answer()
    {
        using var factory = new HotlineFactory
        {
            Settings = { ["Hotline:Workflows:Http:AllowedHosts:0"] = "127.0.0.1", ["Hotline:Workflows:Http:RequestTimeout"] = "00:00:01" },
        };
        // A first request answers within the timeout and leaves a warm client and an open connection, so on a loaded
        // machine the timeout is spent waiting for the answer, not on starting up (the request then arrives for sure).
        using (await Sender(factory).SendAsync(new HttpRequestMessage(HttpMethod.Get, _url + "/data"), CancellationToken.None))
        {
        }

        await Assert.ThrowsAsync<TaskCanceledException>(() => Sender(factory).SendAsync(new HttpRequestMessage(HttpMethod.Get, _url + "/hang"), CancellationToken.None));

        Assert.Equal(2, _received);
    }
}
