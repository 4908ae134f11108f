using System.Data.Common;
using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;

namespace Hotline.Host.Persistence;

/// <summary>
/// Failures of the database or the network that pass by themselves (a restarting server, a broken connection, a busy
/// SQLite file): a burst that meets one is not saved and runs again later (<see cref="Hotline.Workflows.Runtime.EngineServices.IsTransient"/>),
/// and an HTTP request answers 503 with <c>Retry-After</c> so that the client sends it again.
/// </summary>
public static class TransientFailures
{
    /// <summary>True when <paramref name="exception"/> or one it wraps is a passing failure.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or TimeoutException or SocketException)
                return true;
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
                return true;
        }

        return false;
    }
}

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
