using System.Text.Json.Nodes;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;
using Hotline.Workflows.Tests.Flow;
using Hotline.Workflows.Tests.Http;

namespace Hotline.Workflows.Tests.Activities;

/// <summary>
/// Elsa.FlowSendHttpRequest and Elsa.SendHttpRequest against a server on 127.0.0.1, which the engine reaches only
/// because the tests list it in the allowed hosts; Elsa's FlowSendHttpRequestTests and SendHttpRequestTests state the outcomes.
/// </summary>
public sealed class SendHttpRequestTests : IAsyncDisposable
{
    private static readonly string[] Ports = ["200", "404", "Unmatched status code", "Failed to connect", "Timeout"];
    private readonly LocalHttpServer _server = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    // Generous: the machine running the tests may be busy; only the timeout test waits for it.
    private static TestEngine Engine(string allowedHost, double timeoutSeconds = 10) =>
        new(http: new GuardedHttpRequestSender(new HttpAddressGuard([allowedHost]), TimeSpan.FromSeconds(timeoutSeconds)));

    private static TestEngine Listed() => Engine("127.0.0.1");

    /// <summary>Start → request → one WriteLine per port ("port:200", ...) and, after Done, the outputs.</summary>
    private static FlowchartBuilder FlowRequest(string url, Action<ActivityJson>? configure = null, string expected = "[200, 404]")
    {
        var flow = new FlowchartBuilder().Variable("status", "Int32").Variable("body", "Object").Variable("headers", "Object")
            .Start()
            .Add("http", "Elsa.FlowSendHttpRequest", a =>
            {
                a.Literal("url", url).ObjectValue("expectedStatusCodes", expected, "ICollection<Int32>")
                    .OutputTo("statusCode", FlowchartBuilder.VariableId("status"), "Int32")
                    .OutputTo("parsedContent", FlowchartBuilder.VariableId("body"))
                    .OutputTo("responseHeaders", FlowchartBuilder.VariableId("headers"));
                configure?.Invoke(a);
            })
            .WriteLineJs("done", "'done ' + getVariable('status') + ' ' + JSON.stringify(getVariable('body'))")
            .Connect("start", "http").Connect("http", "done");
        foreach (var port in Ports)
            flow.WriteLine("port-" + port, "port:" + port).Connect("http", "port-" + port, port);
        return flow;
    }

    [Fact]
    public async Task Should_complete_through_200_and_Done_with_the_parsed_JSON_When_the_server_answers_200()
    {
        _server.Answer("users/2", 200, "application/json", """{"id":2,"name":"Ervin"}""", new() { ["X-Rate-Limit"] = "100" });
        var engine = Listed();

        var flow = FlowRequest(_server.Url("users/2")).WriteLineJs("header", "'limit ' + getVariable('headers')['X-Rate-Limit'][0]").Connect("http", "header");

        var run = await engine.RunAsync(flow);

        Assert.Equal("Finished", run.StatusText);
        Assert.Equal(["""done 200 {"id":2,"name":"Ervin"}""", "limit 100", "port:200"], engine.Output.Lines.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData(404, "port:404")]
    [InlineData(500, "port:Unmatched status code")]
    public async Task Should_complete_through_the_status_code_port_or_Unmatched_When_the_server_answers_another_status(int status, string line)
    {
        _server.Answer("thing", status, "text/plain", "nope");
        var engine = Listed();

        await engine.RunAsync(FlowRequest(_server.Url("thing")));

        Assert.Equal([$"done {status} \"nope\"", line], engine.Output.Lines.Order().ToArray());
    }

    [Fact]
    public async Task Should_complete_through_Done_only_When_no_status_codes_are_expected()
    {
        _server.Answer("thing", 500);
        var engine = Listed();

        await engine.RunAsync(FlowRequest(_server.Url("thing"), expected: "[]"));

        Assert.Equal(["done 500 null"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_send_the_method_body_authorization_and_headers_When_they_are_set()
    {
        _server.Answer("cases", 201, "application/json", "{}");
        var engine = Listed();

        await engine.RunAsync(FlowRequest(_server.Url("cases"), a => a.Literal("method", "POST").ObjectValue("content", """{"title":"路灯不亮"}""")
            .Literal("contentType", "application/json").Literal("authorization", "Bearer token123")
            .ObjectValue("requestHeaders", """{"X-Trace":"abc"}"""), expected: "[201]"));

        var request = Assert.Single(_server.Requests);
        Assert.Equal(("POST", "/cases"), (request.Method, request.Path));
        Assert.Equal("""{"title":"路灯不亮"}""", request.Body);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("Bearer token123", request.Headers["Authorization"]);
        Assert.Equal("abc", request.Headers["X-Trace"]);
        Assert.Equal(["done 201 {}"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_complete_through_Timeout_When_the_server_does_not_answer_in_time()
    {
        var engine = Engine("127.0.0.1", timeoutSeconds: 0.3);

        var run = await engine.RunAsync(FlowRequest(_server.Url("hang")));

        Assert.Equal("Finished", run.StatusText);
        Assert.Equal(["port:Timeout"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_complete_through_Failed_to_connect_When_nothing_listens_on_the_port()
    {
        var engine = Listed();

        await engine.RunAsync(FlowRequest($"http://127.0.0.1:{LocalHttpServer.FreePort()}/"));

        Assert.Equal(["port:Failed to connect"], engine.Output.Lines);
    }

    [Theory]
    [InlineData("")]
    [InlineData("example.org")]
    public async Task Should_refuse_loopback_through_Failed_to_connect_When_127_0_0_1_is_not_listed(string listed)
    {
        _server.Answer("secret", 200, "text/plain", "internal");
        var engine = listed.Length == 0 ? new TestEngine() : Engine(listed);

        var run = await engine.RunAsync(FlowRequest(_server.Url("secret")));

        Assert.Equal(["port:Failed to connect"], engine.Output.Lines);
        Assert.Empty(_server.Requests);
        var error = (await engine.Instances.GetJournalAsync(run.InstanceId)).Last(j => j.ActivityId == "http").Payload?["Error"]?.GetValue<string>();
        Assert.Contains("'127.0.0.1'", error);
        Assert.Contains("not", error);
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://localhost:5432/")]
    [InlineData("http://[::1]/")]
    [InlineData("http://10.0.0.1/")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.org/")]
    public async Task Should_complete_through_Failed_to_connect_When_the_url_is_internal_or_not_http(string url)
    {
        var engine = new TestEngine();

        await engine.RunAsync(FlowRequest(url));

        Assert.Equal(["port:Failed to connect"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_run_the_activity_of_the_matching_status_code_When_SendHttpRequest_gets_an_answer()
    {
        _server.Answer("found", 404);
        var engine = Listed();

        var run = await engine.RunAsync(EmbeddedRequest(_server.Url("found")));

        Assert.Equal("Finished", run.StatusText);
        Assert.Equal(["case 404", "after"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_run_the_unmatched_activity_When_SendHttpRequest_gets_an_unexpected_status()
    {
        _server.Answer("boom", 503);
        var engine = Listed();

        await engine.RunAsync(EmbeddedRequest(_server.Url("boom")));

        Assert.Equal(["unmatched", "after"], engine.Output.Lines);
    }

    [Fact]
    public async Task Should_fault_naming_the_activity_When_SendHttpRequest_aims_at_a_refused_address()
    {
        var engine = new TestEngine();

        var run = await engine.RunAsync(EmbeddedRequest(_server.Url("secret")));

        Assert.Equal("Faulted", run.StatusText);
        var incident = Assert.Single(run.Incidents);
        Assert.Equal("http", incident.ActivityId);
        Assert.Contains("http", incident.Message);
        Assert.Contains("'127.0.0.1'", incident.Message);
        Assert.Contains("not allowed", incident.Message);
        Assert.Empty(_server.Requests);
    }

    private static FlowchartBuilder EmbeddedRequest(string url) =>
        new FlowchartBuilder().Start()
            .Add("http", "Elsa.SendHttpRequest", a => a.Literal("url", url)
                .Set("expectedStatusCodes", new JsonArray(
                    new JsonObject { ["statusCode"] = 200, ["activity"] = WriteLine("c200", "case 200") },
                    new JsonObject { ["statusCode"] = 404, ["activity"] = WriteLine("c404", "case 404") }))
                .Set("unmatchedStatusCode", WriteLine("unmatched", "unmatched"))
                .Set("failedToConnect", WriteLine("failed", "failed")))
            .WriteLine("after", "after")
            .Chain("start", "http", "after");

    private static JsonObject WriteLine(string id, string text) => FlowchartBuilder.Activity(id, "Elsa.WriteLine", a => a.Literal("text", text));
}
