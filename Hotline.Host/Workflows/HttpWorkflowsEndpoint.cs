using Hotline.Workflows.Http;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Workflows;

/// <summary>
/// Requests under <c>/workflows/</c> run the published workflows whose HttpEndpoint matches their path and method
/// (Elsa's HttpWorkflowsMiddleware with its base path <c>/workflows</c>). The paths are the workflows' own, so the
/// catch-all is left out of the OpenAPI document.
/// </summary>
public static class HttpWorkflowsEndpoint
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    // Credentials the host read are not handed to a workflow (its outputs are stored and shown in the designer).
    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Cookie", "X-Api-Key" };

    // Headers the server owns; a workflow cannot set them.
    private static readonly HashSet<string> ServerHeaders = new(StringComparer.OrdinalIgnoreCase) { "Content-Length", "Transfer-Encoding", "Connection", "Content-Type", "Content-Security-Policy" };

    /// <summary>Adds the options (<see cref="HttpWorkflowsOptions"/>).</summary>
    public static IServiceCollection AddHotlineHttpWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<HttpWorkflowsOptions>().Bind(configuration.GetSection(HttpWorkflowsOptions.SectionName))
            .Validate(o => o.MaxRequestBodySize > 0, "Hotline:Workflows:Http:MaxRequestBodySize must be positive.").ValidateOnStart();
        return services;
    }

    /// <summary>Maps <c>/workflows/{**path}</c>.</summary>
    public static IEndpointRouteBuilder MapHttpWorkflows(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/workflows/{**path}", Methods, HandleAsync).ExcludeFromDescription().DisableAntiforgery();
        return app;
    }

    private static async Task HandleAsync(HttpContext http, string? path, WorkflowRuntime runtime, IAuthorizationService authorization, IOptions<HttpWorkflowsOptions> options, CancellationToken cancellationToken)
    {
        var request = Translate(http, path ?? "");
        var match = await runtime.Http.MatchAsync(request, cancellationToken);
        if (match.Kind == HttpMatchKind.NotFound)
        {
            await ProblemAsync(http, StatusCodes.Status404NotFound, "Not found", $"No workflow answers {request.Method} /workflows/{request.Path}.");
            return;
        }

        if (match.Kind == HttpMatchKind.Ambiguous)
        {
            await ProblemAsync(http, StatusCodes.Status500InternalServerError, "Ambiguous", "The call is ambiguous and matches multiple workflows.");
            return;
        }

        if (await RefusedAsync(http, match, authorization) is { } refusal)
        {
            await ProblemAsync(http, refusal, refusal == StatusCodes.Status401Unauthorized ? "Unauthorized" : "Forbidden", "This workflow endpoint requires an authorized caller.");
            return;
        }

        var body = await HttpWorkflowBody.ReadAsync(http.Request, options.Value.MaxRequestBodySize, cancellationToken);
        if (body is null)
        {
            await ProblemAsync(http, StatusCodes.Status413PayloadTooLarge, "Request too large", $"The maximum request size allowed is {options.Value.MaxRequestBodySize} bytes.");
            return;
        }

        await RunAsync(http, runtime, match, request with { Body = body.Value }, cancellationToken);
    }

    private static async Task RunAsync(HttpContext http, WorkflowRuntime runtime, HttpRouteMatch match, HttpRequestData request, CancellationToken cancellationToken)
    {
        HttpWorkflowResult result;
        try
        {
            result = await runtime.Http.RunAsync(match, request, cancellationToken);
        }
        catch (HttpBadRequestException e)
        {
            await ProblemAsync(http, StatusCodes.Status400BadRequest, "Bad request", e.Message, "body");
            return;
        }
        catch (Exception e) when (e is WorkflowNotFoundException or BookmarkNotFoundException or InstanceNotRunningException or InstanceNotFoundException)
        {
            // Retracted, or another request resumed the instance first.
            await ProblemAsync(http, StatusCodes.Status404NotFound, "Not found", $"No workflow answers {request.Method} /workflows/{request.Path}.");
            return;
        }

        // SecurityHeaders gives /workflows/ the data answers' policy: a workflow's page runs no script as this site.
        if (result.Response is { } response)
            await WriteAsync(http, response, cancellationToken);
        else if (result.Run.SubStatus == WorkflowSubStatus.Faulted)
            await ProblemAsync(http, StatusCodes.Status500InternalServerError, "Workflow faulted", $"The workflow faulted; see instance {result.Run.InstanceId}.");
        else
            http.Response.StatusCode = StatusCodes.Status200OK; // Elsa answers an empty 200 when the workflow wrote nothing.
    }

    private static async Task<int?> RefusedAsync(HttpContext http, HttpRouteMatch match, IAuthorizationService authorization)
    {
        if (!match.Authorize && match.Policy is null)
            return null;
        if (http.User.Identity?.IsAuthenticated != true)
            return StatusCodes.Status401Unauthorized;
        if (match.Policy is null)
            return null;
        try
        {
            return (await authorization.AuthorizeAsync(http.User, match.Policy)).Succeeded ? null : StatusCodes.Status403Forbidden;
        }
        catch (InvalidOperationException)
        {
            return StatusCodes.Status403Forbidden; // A policy the host does not know admits nobody.
        }
    }

    private static async Task WriteAsync(HttpContext http, HttpResponseData response, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
            if (!ServerHeaders.Contains(name) && !name.Any(char.IsControl) && !value.Any(char.IsControl))
                http.Response.Headers[name] = value;
        if (response.Body is null)
            return;
        http.Response.ContentType = response.ContentType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !type.Contains("charset", StringComparison.OrdinalIgnoreCase)
            ? type + "; charset=utf-8"
            : response.ContentType;
        if (!HttpMethods.IsHead(http.Request.Method))
            await http.Response.WriteAsync(response.Body, cancellationToken);
    }

    private static Task ProblemAsync(HttpContext http, int status, string title, string detail, string? field = null)
    {
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null)
            problem.Extensions["field"] = field;
        return Results.Problem(problem).ExecuteAsync(http);
    }

    private static HttpRequestData Translate(HttpContext http, string path) => new(
        http.Request.Method.ToUpperInvariant(),
        HttpRouteTemplate.Normalize(path),
        http.Request.Query.ToDictionary(q => q.Key, q => q.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
        http.Request.Headers.Where(h => !HiddenHeaders.Contains(h.Key)).ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase),
        http.Request.ContentType,
        default,
        http.User.Identity?.IsAuthenticated == true);
}
