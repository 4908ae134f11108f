using System.Globalization;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// Sends an HTTP request and completes through the port of the response's status code (when it is one of
/// <see cref="ExpectedStatusCodes"/>, otherwise "Unmatched status code") together with <c>Done</c>; through "Failed to
/// connect" when no connection could be made or the address is not allowed, through "Timeout" when no answer came in time.
/// </summary>
[Activity("Elsa", "HTTP", "Send an HTTP request.", DisplayName = "HTTP Request (flow)", Outcomes = ["Done", UnmatchedStatusCode, FailedToConnect, Timeout])]
public sealed class FlowSendHttpRequest : SendHttpRequestBase
{
    /// <summary>The outcome of a status code not expected.</summary>
    public const string UnmatchedStatusCode = "Unmatched status code";

    /// <summary>The outcome of a connection that could not be made (or was refused).</summary>
    public const string FailedToConnect = "Failed to connect";

    /// <summary>The outcome of a request that timed out.</summary>
    public const string Timeout = "Timeout";

    /// <summary>The status codes with a port of their own; 200 when not set.</summary>
    [Input(Description = "A list of expected status codes to handle.", UIHint = "multi-text", DefaultValue = new[] { "200" })]
    public Input<List<string>>? ExpectedStatusCodes { get; set; }

    /// <inheritdoc />
    protected override void OnResponse(ActivityExecutionContext context, int statusCode)
    {
        var expected = ExpectedStatusCodes is null ? [200] : (context.Get(ExpectedStatusCodes) ?? []).Select(ParseStatusCode).ToList();
        if (expected.Count == 0)
        {
            context.Complete();
            return;
        }

        var outcome = expected.Contains(statusCode) ? statusCode.ToString(CultureInfo.InvariantCulture) : UnmatchedStatusCode;
        context.Complete(new Outcomes([outcome, "Done"]));
    }

    /// <inheritdoc />
    protected override void OnFailedToConnect(ActivityExecutionContext context) => context.Complete(FailedToConnect);

    /// <inheritdoc />
    protected override void OnTimeout(ActivityExecutionContext context) => context.Complete(Timeout);

    /// <inheritdoc />
    protected override void OnRefused(ActivityExecutionContext context, HttpAddressNotAllowedException refusal) => context.Complete(FailedToConnect);

    private int ParseStatusCode(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var code)
            ? code
            : throw new InvalidOperationException($"{Node}: '{text}' in ExpectedStatusCodes is not a status code.");
}
