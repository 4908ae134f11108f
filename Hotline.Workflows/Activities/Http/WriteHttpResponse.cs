using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// Answers the HTTP request the instance is handling (Elsa.WriteHttpResponse). Without one (the instance was resumed by
/// a timer, or by a request it has already answered in an earlier burst) the activity faults, as Elsa's does.
/// </summary>
[Activity("Elsa", "HTTP", "Write a response to the current HTTP response object.", DisplayName = "HTTP Response")]
public sealed class WriteHttpResponse : CodeActivity
{
    /// <summary>The status code.</summary>
    [Input(Description = "The status code to return.", UIHint = "dropdown", Options = ["OK", "Created", "Accepted", "NoContent", "BadRequest", "NotFound", "Conflict"])]
    public Input<object>? StatusCode { get; set; }

    /// <summary>The body.</summary>
    [Input(Description = "The content to write back. String values will be sent as-is, while objects will be serialized to a JSON string.")]
    public Input<object>? Content { get; set; }

    /// <summary>The media type.</summary>
    [Input(Description = "The content type to write back.", UIHint = "dropdown", Options = ["", "text/plain", "text/html", "application/json", "application/xml"])]
    public Input<string>? ContentType { get; set; }

    /// <summary>Extra headers.</summary>
    [Input(Description = "The headers to return along with the response.", UIHint = "json-editor")]
    public Input<object>? ResponseHeaders { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var exchange = HttpExchange.For(context.WorkflowInstanceId) ?? throw new InvalidOperationException(
            "There is no HTTP request to answer: the instance was not started or resumed by one in this run (it was resumed by a timer, or an earlier run already answered its request).");
        var status = StatusOf(context.Get(StatusCode));
        var content = context.Get(Content);
        var contentType = context.Get(ContentType);
        if (string.IsNullOrWhiteSpace(contentType))
            contentType = content is string ? "text/plain" : "application/json";
        var body = content is null || status == (int)HttpStatusCode.NoContent ? null : content as string ?? ValueConverter.ToJson(content)?.ToJsonString();
        exchange.Response = new HttpResponseData(status, body is null ? null : contentType, body, HeadersOf(context.Get(ResponseHeaders)));
        context.JournalData["statusCode"] = status;
        return Outcomes.Done;
    }

    private static int StatusOf(object? value)
    {
        var status = CodeOf(value);
        return status is >= 100 and <= 599 ? status : throw new InvalidOperationException($"{status} is not an HTTP status code.");
    }

    private static int CodeOf(object? value) => value switch
    {
        null => 200,
        int code => code,
        long code => (int)code,
        double code => (int)code,
        _ when ValueConverter.ToText(value) is { } text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) => code,
        _ when Enum.TryParse<HttpStatusCode>(ValueConverter.ToText(value), ignoreCase: true, out var named) => (int)named,
        _ => throw new InvalidOperationException($"'{ValueConverter.ToText(value)}' is not an HTTP status code."),
    };

    private static Dictionary<string, string> HeadersOf(object? value)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var json = value is string text ? (string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text)) : ValueConverter.ToJson(value);
        if (json is JsonObject obj)
            foreach (var (name, item) in obj)
                headers[name] = item is JsonArray array ? string.Join(",", array.Select(a => a?.ToString())) : item?.ToString() ?? "";
        return headers;
    }
}
