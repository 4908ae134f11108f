using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Playwright;

namespace Hotline.Bench.Designer;

/// <summary>
/// What one visit of a designer page cost, seen from Chromium: every request with when it started, its encoded size
/// and, for the host's Elsa API, how long the answer took (request sent to last byte).
/// </summary>
internal sealed class VisitRecorder
{
    private readonly ConcurrentQueue<Entry> _entries = new();
    private readonly ConcurrentQueue<Task> _pending = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly IPage _page;

    public VisitRecorder(IPage page)
    {
        _page = page;
        page.Request += OnRequest;
        page.RequestFinished += OnFinished;
    }

    public static bool IsApi(string url) => url.Contains("/elsa/api/", StringComparison.Ordinal);

    public void Restart() => _clock.Restart();

    public double ElapsedMilliseconds => _clock.Elapsed.TotalMilliseconds;

    public void Stop()
    {
        _page.Request -= OnRequest;
        _page.RequestFinished -= OnFinished;
    }

    /// <summary>Requests, bytes and the milliseconds at which the first API call left, counting what came before it.</summary>
    public async Task<(int Requests, long Bytes, double FirstApiMs, int TotalRequests, long TotalBytes)> BeforeFirstApiAsync()
    {
        await Task.WhenAll(_pending);
        var entries = _entries.OrderBy(e => e.StartedMs).ToList();
        var first = entries.FirstOrDefault(e => IsApi(e.Url));
        var before = first is null ? entries : entries.Where(e => e.StartedMs < first.StartedMs).ToList();
        // In all: the requests that reached the host (a response from the browser's cache has no header bytes).
        return (before.Count, before.Sum(e => e.Bytes), first?.StartedMs ?? double.NaN, entries.Count(e => e.Bytes > 0), entries.Sum(e => e.Bytes));
    }

    /// <summary>The host's Elsa API calls: path (without query) and milliseconds from request to last byte.</summary>
    public async Task<IReadOnlyList<(string Path, double Ms)>> ApiCallsAsync()
    {
        await Task.WhenAll(_pending);
        return _entries.Where(e => IsApi(e.Url) && e.DurationMs >= 0)
            .Select(e => (new Uri(e.Url).AbsolutePath, e.DurationMs)).ToList();
    }

    private void OnRequest(object? sender, IRequest request) =>
        _entries.Enqueue(new Entry(request, request.Url, _clock.Elapsed.TotalMilliseconds));

    private void OnFinished(object? sender, IRequest request) => _pending.Enqueue(FinishAsync(request));

    private async Task FinishAsync(IRequest request)
    {
        var entry = _entries.FirstOrDefault(e => ReferenceEquals(e.Request, request));
        if (entry is null)
            return;
        try
        {
            var sizes = await request.SizesAsync();
            entry.Bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
        }
        catch (PlaywrightException)
        {
            // The page moved on; the size is unknown.
        }

        var timing = request.Timing;
        entry.DurationMs = timing.ResponseEnd >= 0 && timing.RequestStart >= 0 ? timing.ResponseEnd - timing.RequestStart : -1;
    }

    private sealed class Entry(IRequest request, string url, double startedMs)
    {
        public IRequest Request { get; } = request;
        public string Url { get; } = url;
        public double StartedMs { get; } = startedMs;
        public long Bytes { get; set; }
        public double DurationMs { get; set; } = -1;
    }
}
