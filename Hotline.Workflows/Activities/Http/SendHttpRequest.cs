using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// Sends an HTTP request, then runs the activity embedded for the response's status code (or for an unmatched status
/// code, a failed connection or a timeout) and completes when it has; completes at once when none is embedded. A request
/// to an address that is not allowed faults the activity.
/// </summary>
[Activity("Elsa", "HTTP", "Send an HTTP request.", DisplayName = "HTTP Request")]
public sealed class SendHttpRequest : SendHttpRequestBase, ICompilableActivity, IContainerActivity
{
    private readonly Dictionary<int, ActivityNode> _cases = [];
    private readonly Dictionary<string, ActivityNode> _ports = new(StringComparer.Ordinal);

    /// <summary>The expected status codes with the activity to run for each.</summary>
    [Input(Description = "A list of expected status codes to handle and the corresponding activity to execute when the status code matches.", UIHint = "http-status-codes", IsWrapped = false)]
    public List<HttpStatusCodeCase>? ExpectedStatusCodes { get; set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        var cases = node.Json["expectedStatusCodes"] as JsonArray ?? [];
        for (var i = 0; i < cases.Count; i++)
        {
            var path = $"activity '{node.Id}'.expectedStatusCodes[{i}]";
            if (cases[i]?["statusCode"] is not JsonValue value || !int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode))
                compiler.Error(node, $"Case {i} has no status code.", "expectedStatusCodes");
            else if (cases[i]?["activity"] is JsonObject json && compiler.CompileChild(json, node, path + ".activity") is { } child)
                Add(node, child, () => _cases.TryAdd(statusCode, child));
        }

        foreach (var port in (string[])["unmatchedStatusCode", "failedToConnect", "timeout"])
            if (node.Json[port] is JsonObject json && compiler.CompileChild(json, node, $"activity '{node.Id}'.{port}") is { } child)
                Add(node, child, () => _ports.TryAdd(port, child));
    }

    /// <inheritdoc />
    protected override void OnResponse(ActivityExecutionContext context, int statusCode) =>
        Run(context, _cases.GetValueOrDefault(statusCode) ?? _ports.GetValueOrDefault("unmatchedStatusCode"));

    /// <inheritdoc />
    protected override void OnFailedToConnect(ActivityExecutionContext context) => Run(context, _ports.GetValueOrDefault("failedToConnect"));

    /// <inheritdoc />
    protected override void OnTimeout(ActivityExecutionContext context) => Run(context, _ports.GetValueOrDefault("timeout"));

    /// <inheritdoc />
    protected override void OnRefused(ActivityExecutionContext context, HttpAddressNotAllowedException refusal) =>
        throw new InvalidOperationException($"{Node}: {refusal.Message}");

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        context.Complete();
        return ValueTask.CompletedTask;
    }

    private static void Add(ActivityNode node, ActivityNode child, Func<bool> add)
    {
        if (add())
            node.Children.Add(child);
    }

    private static void Run(ActivityExecutionContext context, ActivityNode? activity)
    {
        if (activity is null)
            context.Complete();
        else
            context.ScheduleChild(activity);
    }
}

/// <summary>A status code of <see cref="SendHttpRequest"/> and the activity to run for it.</summary>
public sealed record HttpStatusCodeCase(int StatusCode, JsonObject? Activity);
