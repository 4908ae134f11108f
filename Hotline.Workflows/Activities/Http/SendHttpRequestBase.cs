using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Http;

/// <summary>
/// What Elsa.SendHttpRequest and Elsa.FlowSendHttpRequest share: the request's inputs, the response's outputs, and the
/// sending, through <see cref="EngineServices.HttpRequests"/> (guarded against internal addresses). The activity awaits
/// the answer; the subclasses decide what follows a response, a failed connection and a timeout.
/// </summary>
public abstract class SendHttpRequestBase : Activity, ITaskActivity
{
    /// <summary>The URL.</summary>
    [Input(Description = "The URL to send the request to.", Required = true)]
    public Input<string>? Url { get; set; }

    /// <summary>The method.</summary>
    [Input(Description = "The HTTP method to use when sending the request.", UIHint = "dropdown", Options = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"], DefaultValue = "GET")]
    public Input<string>? Method { get; set; }

    /// <summary>The body.</summary>
    [Input(Description = "The content to send with the request. Can be a string, an object, a byte array or a stream.")]
    public Input<object>? Content { get; set; }

    /// <summary>The body's media type; without one no body is sent (as in Elsa).</summary>
    [Input(Description = "The content type to use when sending the request.", UIHint = "dropdown", Options = ["", "application/json", "application/x-www-form-urlencoded", "application/xml", "text/html", "text/plain", "text/xml"])]
    public Input<string>? ContentType { get; set; }

    /// <summary>The Authorization header.</summary>
    [Input(Description = "The Authorization header value to send with the request. For example: Bearer {some-access-token}")]
    public Input<string>? Authorization { get; set; }

    /// <summary>Whether the Authorization header is sent without being parsed.</summary>
    [Input(Description = "A value that allows to add the Authorization header without validation.")]
    public Input<bool>? DisableAuthorizationHeaderValidation { get; set; }

    /// <summary>Extra request headers.</summary>
    [Input(Description = "The headers to send along with the request.", UIHint = "json-editor")]
    public Input<object>? RequestHeaders { get; set; }

    /// <summary>The status code.</summary>
    [Output(Description = "The HTTP response status code")]
    public Output<int>? StatusCode { get; set; }

    /// <summary>The parsed body.</summary>
    [Output(Description = "The parsed content, if any.")]
    public Output<object>? ParsedContent { get; set; }

    /// <summary>The response headers.</summary>
    [Output(Description = "The response headers that were received.")]
    public Output<object>? ResponseHeaders { get; set; }

    /// <summary>The response: status code, reason, headers and parsed content.</summary>
    [Output(Description = "The HTTP response.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        using var request = Prepare(context);
        HttpResponseMessage response;
        try
        {
            response = await context.Workflow.Services.HttpRequests.SendAsync(request, context.CancellationToken);
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            context.JournalData["Error"] = refusal.Message;
            OnRefused(context, refusal);
            return;
        }
        catch (HttpRequestException e)
        {
            context.JournalData["Error"] = e.Message;
            OnFailedToConnect(context);
            return;
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            context.JournalData["Cancelled"] = true;
            OnTimeout(context);
            return;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var parsed = await OutgoingHttpContent.ParseAsync(response.Content, context.CancellationToken);
            var headers = OutgoingHttpContent.ToJson(response.Headers);
            context.Set(StatusCode, status);
            context.Set(ParsedContent, parsed);
            context.Set(ResponseHeaders, headers);
            context.Set(Result, new JsonObject
            {
                ["statusCode"] = status,
                ["reasonPhrase"] = response.ReasonPhrase,
                ["headers"] = headers.DeepClone(),
                ["contentHeaders"] = OutgoingHttpContent.ToJson(response.Content.Headers),
                ["content"] = parsed?.DeepClone(),
            });
            context.JournalData["statusCode"] = status;
            OnResponse(context, status);
        }
    }

    /// <summary>Continues after a response with <paramref name="statusCode"/>.</summary>
    protected abstract void OnResponse(ActivityExecutionContext context, int statusCode);

    /// <summary>Continues after the connection failed.</summary>
    protected abstract void OnFailedToConnect(ActivityExecutionContext context);

    /// <summary>Continues after the request timed out.</summary>
    protected abstract void OnTimeout(ActivityExecutionContext context);

    /// <summary>Continues after the request was refused for where it was going (<see cref="HttpAddressGuard"/>).</summary>
    protected abstract void OnRefused(ActivityExecutionContext context, HttpAddressNotAllowedException refusal);

    private HttpRequestMessage Prepare(ActivityExecutionContext context)
    {
        var url = context.Get(Url);
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            throw new InvalidOperationException($"{Node}: '{url}' is not an absolute URL.");
        var method = context.Get(Method);
        var request = new HttpRequestMessage(new HttpMethod(string.IsNullOrWhiteSpace(method) ? "GET" : method.Trim().ToUpperInvariant()), uri);
        var contentType = context.Get(ContentType);
        var content = context.Get(Content);
        if (!string.IsNullOrWhiteSpace(contentType) && content is not null)
            request.Content = OutgoingHttpContent.Create(content, contentType.Trim());
        var authorization = context.Get(Authorization);
        if (!string.IsNullOrWhiteSpace(authorization))
        {
            if (context.Get(DisableAuthorizationHeaderValidation))
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            else
                request.Headers.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        foreach (var (name, values) in OutgoingHttpContent.Headers(context.Get(RequestHeaders)))
            if (!request.Headers.TryAddWithoutValidation(name, values))
                request.Content?.Headers.TryAddWithoutValidation(name, values);
        return request;
    }

    private static HttpAddressNotAllowedException? Refusal(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is HttpAddressNotAllowedException refusal)
                return refusal;
        return null;
    }
}
