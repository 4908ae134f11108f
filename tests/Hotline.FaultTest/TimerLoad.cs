using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotline.FaultTest;

/// <summary>One started timer workflow: its correlation id, and the instance the host answered with.</summary>
internal sealed record TimerRequest(string CorrelationId, Answer Answer)
{
    /// <summary>The instance id (the <c>x-elsa-workflow-instance-id</c> header of a 2xx).</summary>
    public string? InstanceId => Answer.Headers.GetValueOrDefault("x-elsa-workflow-instance-id");
}

/// <summary>
/// The timer workflow (a <c>Delay</c>, then a <c>WriteLine</c> whose journal entry is the observable effect), published
/// through the Elsa API as the administrator, and started through <c>/elsa/api/workflow-definitions/{id}/execute</c>.
/// </summary>
internal sealed class TimerLoad(RetryingClient client, FaultReport report)
{
    /// <summary>The definition id.</summary>
    public const string DefinitionId = "fault-test-timer";

    /// <summary>The id of the activity that runs when the timer fires.</summary>
    public const string FiredActivityId = "fired";

    private readonly List<TimerRequest> _requests = [];
    private string _token = "";

    /// <summary>The requests made, once <see cref="RunAsync"/> has returned.</summary>
    public IReadOnlyList<TimerRequest> Requests => _requests;

    /// <summary>Signs in as the bootstrap administrator and publishes the timer workflow with <paramref name="delay"/>.</summary>
    public async Task PublishAsync(string adminPassword, TimeSpan delay, CancellationToken cancellationToken)
    {
        var signIn = new JsonObject { ["userName"] = "admin", ["password"] = adminPassword }.ToJsonString();
        var session = await client.SendAsync(timer: true, host => Json(HttpMethod.Post, new Uri(host, "api/auth/token"), signIn), cancellationToken);
        Require(session, "signing in as the administrator");
        _token = JsonNode.Parse(session.Body)!["accessToken"]!.GetValue<string>();

        var save = new JsonObject { ["model"] = Definition(delay), ["publish"] = true }.ToJsonString();
        Require(await client.SendAsync(timer: true, host => Json(HttpMethod.Post, new Uri(host, "elsa/api/workflow-definitions"), save), cancellationToken), "publishing the timer workflow");
    }

    /// <summary>Starts timer workflows at <paramref name="perSecond"/> for <paramref name="duration"/>.</summary>
    public Task RunAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        PacedLoad.RunAsync(perSecond, duration, i => OneAsync(i, cancellationToken), cancellationToken);

    private async Task OneAsync(int i, CancellationToken cancellationToken)
    {
        report.TimerRequested();
        var correlationId = "fault-timer-" + i.ToString("D6", CultureInfo.InvariantCulture);
        var body = new JsonObject { ["correlationId"] = correlationId }.ToJsonString();
        var answer = await client.SendAsync(timer: true, host => Json(HttpMethod.Post, new Uri(host, $"elsa/api/workflow-definitions/{DefinitionId}/execute"), body), cancellationToken);
        report.Finished(timer: true, answer.Outcome);
        if (answer.Outcome == RequestOutcome.Rejected)
            report.Violation("accepted requests", $"timer workflow {correlationId} was refused with {(int)answer.Status!}: {CaseLoad.Truncate(answer.Body)}");
        lock (_requests)
            _requests.Add(new TimerRequest(correlationId, answer));
    }

    private HttpRequestMessage Json(HttpMethod method, Uri uri, string body)
    {
        var request = new HttpRequestMessage(method, uri) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (_token.Length > 0)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return request;
    }

    private static void Require(Answer answer, string what)
    {
        if (answer.Outcome != RequestOutcome.Accepted)
            throw new InvalidOperationException($"Set-up failed {what}: {answer.Outcome} {(int?)answer.Status} {answer.Body}");
    }

    private static JsonObject Definition(TimeSpan delay) => new()
    {
        ["definitionId"] = DefinitionId,
        ["name"] = "Fault test timer",
        ["version"] = 1,
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Elsa.Flowchart",
            ["version"] = 1,
            ["activities"] = new JsonArray
            {
                new JsonObject
                {
                    ["id"] = "wait",
                    ["type"] = "Elsa.Delay",
                    ["version"] = 1,
                    ["timeSpan"] = Literal("TimeSpan", delay.ToString("c", CultureInfo.InvariantCulture)),
                },
                new JsonObject
                {
                    ["id"] = FiredActivityId,
                    ["type"] = "Elsa.WriteLine",
                    ["version"] = 1,
                    ["text"] = Literal("String", "fired"),
                },
            },
            ["connections"] = new JsonArray
            {
                new JsonObject
                {
                    ["source"] = new JsonObject { ["activity"] = "wait", ["port"] = "Done" },
                    ["target"] = new JsonObject { ["activity"] = FiredActivityId, ["port"] = "In" },
                },
            },
        },
    };

    private static JsonObject Literal(string typeName, string value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = value } };
}
