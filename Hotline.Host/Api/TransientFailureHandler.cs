using Hotline.Domain.Persistence;
using Microsoft.AspNetCore.Diagnostics;

namespace Hotline.Host.Api;

/// <summary>Answers a request that met a passing database failure with 503 and <c>Retry-After</c> instead of 500.</summary>
public sealed class TransientFailureHandler(IProblemDetailsService problems, ILogger<TransientFailureHandler> logger) : IExceptionHandler
{
    /// <summary>Seconds a client should wait before it retries.</summary>
    public const int RetryAfterSeconds = 2;

    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!TransientFailures.IsTransient(exception))
            return false;
        logger.LogWarning(exception, "{Method} {Path} met a passing database failure; answered 503.", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = StatusCodes.Status503ServiceUnavailable, Title = "Temporarily unavailable", Detail = "The database is not reachable just now; nothing was saved. Send the request again." },
        });
    }
}
