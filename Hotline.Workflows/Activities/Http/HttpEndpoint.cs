using System.Text.Json.Nodes;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// Waits for an HTTP request on a path below <c>/workflows/</c> (Elsa.HttpEndpoint). As a trigger (marked "can start
/// workflow") a matching request starts a new instance, which receives the request at once; elsewhere it waits on a
/// bookmark that the next matching request resumes (<see cref="HttpWorkflowRouter"/>).
/// </summary>
[Activity("Elsa", "HTTP", "Wait for an inbound HTTP request that matches the specified path and methods.", DisplayName = "HTTP Endpoint")]
public sealed class HttpEndpoint : Activity, ITriggerActivity
{
    /// <summary>Bookmark name.</summary>
    public const string BookmarkName = "Elsa.HttpEndpoint";

    /// <summary>The path.</summary>
    [Input(Description = "The path to associate with the workflow.")]
    public Input<string>? Path { get; set; }

    /// <summary>The methods.</summary>
    [Input(Description = "The HTTP methods to accept.", UIHint = "check-list", Options = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])]
    public Input<List<string>>? SupportedMethods { get; set; }

    /// <summary>Whether the request must be authenticated.</summary>
    [Input(Description = "Allow authenticated requests only.")]
    public Input<bool>? Authorize { get; set; }

    /// <summary>The authorization policy.</summary>
    [Input(Description = "Provide a policy to evaluate. If the policy fails, the request is forbidden.")]
    public Input<string>? Policy { get; set; }

    /// <summary>The request body.</summary>
    [Output(Description = "The parsed request content, if any.")]
    public Output<object>? ParsedContent { get; set; }

    /// <summary>The route template's parameters.</summary>
    [Output(Description = "The values of the route's parameters.")]
    public Output<object>? RouteData { get; set; }

    /// <summary>The query string.</summary>
    [Output(Description = "The query string's values.")]
    public Output<object>? QueryStringData { get; set; }

    /// <summary>The request headers.</summary>
    [Output(Description = "The request's headers.")]
    public Output<object>? Headers { get; set; }

    /// <summary>The request: method, path, query and headers.</summary>
    [Output(Description = "The received HTTP request.")]
    public Output<object>? Result { get; set; }

    /// <summary>The bookmark hash of a method and a path (its route template as written).</summary>
    public static string Hash(string method, string path) => $"{method.ToUpperInvariant()}:{HttpRouteTemplate.Normalize(path)}";

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        if (HttpExchange.For(context.WorkflowInstanceId) is { } exchange && exchange.TriggerActivityId == Node.Id)
        {
            Receive(context, exchange);
            return ValueTask.CompletedTask;
        }

        var path = context.Get(Path) ?? "";
        var methods = context.Get(SupportedMethods) ?? ["GET"];
        var authorize = context.Get(Authorize);
        var policy = context.Get(Policy);
        foreach (var method in methods)
            context.CreateBookmark(BookmarkName, hash: Hash(method, path), payload: new JsonObject { ["path"] = path, ["method"] = method.ToUpperInvariant(), ["authorize"] = authorize, ["policy"] = policy });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        if (input is HttpExchange exchange)
        {
            Receive(context, exchange);
            return ValueTask.CompletedTask;
        }

        context.Set(ParsedContent, input);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private void Receive(ActivityExecutionContext context, HttpExchange exchange)
    {
        var request = exchange.Request;
        var route = new JsonObject();
        foreach (var (key, value) in exchange.RouteValues)
            route[key] = value;
        var query = HttpRequestData.ToJson(request.Query);
        var headers = HttpRequestData.ToJson(request.Headers);
        context.Set(ParsedContent, exchange.ParsedContent?.DeepClone());
        context.Set(RouteData, route);
        context.Set(QueryStringData, query);
        context.Set(Headers, headers);
        context.Set(Result, new JsonObject { ["method"] = request.Method, ["path"] = "/" + request.Path, ["query"] = query.DeepClone(), ["headers"] = headers.DeepClone() });
        context.Complete();
    }
}
