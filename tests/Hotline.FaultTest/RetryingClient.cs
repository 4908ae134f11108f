using System.Diagnostics;
using System.Net;

namespace Hotline.FaultTest;

/// <summary>The final answer to a logical request: its status, body and headers, or none when the client gave up.</summary>
internal sealed record Answer(RequestOutcome Outcome, HttpStatusCode? Status, string Body, IReadOnlyDictionary<string, string> Headers, int Attempts);

/// <summary>
/// Sends a logical request as a careful client does: to a random host that answers; on a refused or reset connection,
/// a time-out or a 5xx, the same request again (same body, same headers, so the same idempotency key) to another host,
/// with a growing pause, until a 2xx or 4xx or <see cref="FaultTestOptions.GiveUpAfter"/>.
/// </summary>
internal sealed class RetryingClient(HostCluster cluster, FaultTestOptions options, FaultReport report) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler
    {
        ConnectTimeout = TimeSpan.FromSeconds(3),
        // A killed host's pooled connections fail on their next use; keep them short-lived.
        PooledConnectionLifetime = TimeSpan.FromSeconds(10),
    })
    { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>Sends the request that <paramref name="build"/> makes for a host until it gets a definite answer.</summary>
    public async Task<Answer> SendAsync(bool timer, Func<Uri, HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        HostProcess? last = null;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1)
            {
                report.Retried(timer);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 100 * attempt)), cancellationToken);
            }

            if (watch.Elapsed > options.GiveUpAfter)
                return new Answer(RequestOutcome.Uncertain, null, "", new Dictionary<string, string>(), attempt - 1);
            var host = await cluster.PickAsync(last, cancellationToken);
            last = host;
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(options.RequestTimeout);
            try
            {
                using var request = build(host.BaseAddress);
                using var response = await _http.SendAsync(request, limit.Token);
                var body = await response.Content.ReadAsStringAsync(limit.Token);
                if ((int)response.StatusCode >= 500)
                    continue;
                var headers = response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
                var outcome = response.IsSuccessStatusCode ? RequestOutcome.Accepted : RequestOutcome.Rejected;
                return new Answer(outcome, response.StatusCode, body, headers, attempt);
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                // The host died mid-request (reset, refused, body cut off): no answer, so the request is sent again.
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
        }
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _http.Dispose();
}
