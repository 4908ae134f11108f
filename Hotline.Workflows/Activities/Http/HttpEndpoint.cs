using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// Waits for an HTTP request on a path (Elsa.HttpEndpoint). Hotline starts workflows over its own API
/// (<c>POST /api/workflows/{id}/instances</c>); this type is known so that Elsa exports using it import, round-trip and
/// run up to the point where they wait for the request.
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

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var path = context.Get(Path) ?? "";
        var methods = context.Get(SupportedMethods) ?? ["GET"];
        foreach (var method in methods)
            context.CreateBookmark(BookmarkName, hash: $"{method.ToUpperInvariant()}:{path.Trim('/')}", payload: new JsonObject { ["path"] = path, ["method"] = method });
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask ResumeAsync(ActivityExecutionContext context, Bookmark bookmark, object? input)
    {
        context.Set(ParsedContent, input);
        context.Complete();
        return ValueTask.CompletedTask;
    }
}
