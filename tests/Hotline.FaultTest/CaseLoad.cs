using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hotline.FaultTest;

/// <summary>One logical case request: its idempotency key, the content that identifies its case, and how it ended.</summary>
internal sealed record CaseRequest(string Key, string Content, Answer Answer)
{
    /// <summary>The case number the host answered with (2xx).</summary>
    public string? Number => Answer.Outcome == RequestOutcome.Accepted ? JsonNode.Parse(Answer.Body)?["number"]?.GetValue<string>() : null;
}

/// <summary>
/// Files cases through <c>POST /api/cases</c> as an integrator with a unique <c>Idempotency-Key</c> each, retried with
/// the same key and body. The content carries the key, so the case a request made can be found in the table.
/// </summary>
internal sealed class CaseLoad(RetryingClient client, string apiKey, FaultReport report)
{
    private static readonly string[] Subjects = ["SR-ZDJY", "SR-LJQY", "SR-CYYY", "SR-ZYRM", "CJ-WYGL", "CJ-WZJZ"];
    private static readonly string[] Districts = ["990102", "990103", "990104", "990121"];
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];
    private readonly List<CaseRequest> _requests = [];

    /// <summary>The requests made, once <see cref="RunAsync"/> has returned.</summary>
    public IReadOnlyList<CaseRequest> Requests => _requests;

    /// <summary>Files cases at <paramref name="perSecond"/> for <paramref name="duration"/>.</summary>
    public Task RunAsync(double perSecond, TimeSpan duration, CancellationToken cancellationToken) =>
        PacedLoad.RunAsync(perSecond, duration, i => OneAsync(i, cancellationToken), cancellationToken);

    private async Task OneAsync(int i, CancellationToken cancellationToken)
    {
        report.CaseRequested();
        var key = $"fault-{_run}-{i:D6}";
        var content = $"fault test {key}: 小区门口占道经营，影响通行";
        var body = new JsonObject
        {
            ["channel"] = "Web",
            ["type"] = "Complaint",
            ["content"] = content,
            ["subjectCode"] = Subjects[i % Subjects.Length],
            ["districtCode"] = Districts[i / Subjects.Length % Districts.Length],
        }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var answer = await client.SendAsync(timer: false, host =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "api/cases")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", apiKey);
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }, cancellationToken);
        report.Finished(timer: false, answer.Outcome);
        if (answer.Outcome == RequestOutcome.Rejected)
            report.Violation("accepted requests", $"case request {key} was refused with {(int)answer.Status!}: {Truncate(answer.Body)}");
        lock (_requests)
            _requests.Add(new CaseRequest(key, content, answer));
    }

    internal static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
