using System.Diagnostics.Metrics;
using Hotline.Domain.Inbox;
using Hotline.Domain.Outbox;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Operations;

/// <summary>
/// The hotline's gauges under the meter <see cref="MeterName"/>, read from the database when metrics are collected
/// (a scrape) and reused for <see cref="TelemetryOptions.GaugeCacheDuration"/>: timers pending and due, timer lag,
/// inbox tasks open by unit, the outbox backlog. Tags carry unit codes and channels only, never personal data.
/// </summary>
public sealed class HotlineMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hotline";

    /// <summary>The <c>unit</c> tag of the units beyond <see cref="TelemetryOptions.MaxUnits"/>, added up.</summary>
    public const string OtherUnits = "other";

    /// <summary>The <c>unit</c> tag of tasks held by no unit.</summary>
    public const string NoUnit = "none";

    private readonly IDbContextFactory<HotlineDbContext> _contexts;
    private readonly TimeProvider _clock;
    private readonly TelemetryOptions _options;
    private readonly ILogger<HotlineMetrics> _logger;
    private readonly Lock _lock = new();
    private GaugeSnapshot _snapshot = GaugeSnapshot.Empty;
    private long _readAt;
    private bool _read;

    public HotlineMetrics(IMeterFactory meters, IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<HotlineMetrics> logger)
        : this(meters, contexts, clock, options, logger, MeterName)
    {
    }

    /// <summary>
    /// The gauges on a meter of another name: OpenTelemetry listens to meters by name in the whole process, so a second
    /// set of "Hotline" gauges (a test's) would be scraped with the host's own.
    /// </summary>
    internal HotlineMetrics(IMeterFactory meters, IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, IOptions<TelemetryOptions> options, ILogger<HotlineMetrics> logger, string meterName)
    {
        _contexts = contexts;
        _clock = clock;
        _options = options.Value;
        _logger = logger;
        var meter = meters.Create(meterName);
        meter.CreateObservableGauge("hotline.timers.pending", () => Snapshot().TimersPending, "{timer}", "Timers (deadlines, ladder steps, delays) waiting to fire.");
        meter.CreateObservableGauge("hotline.timers.due", () => Snapshot().TimersDue, "{timer}", "Timers whose time has come that have not fired yet.");
        meter.CreateObservableGauge("hotline.timers.lag", () => Snapshot().TimerLagSeconds, "s", "How late the oldest due timer that has not fired is (0 when none is due).");
        meter.CreateObservableGauge("hotline.inbox.tasks.open", () => Snapshot().OpenTasks, "{task}", "Inbox tasks open or signed for, by the unit holding them.");
        meter.CreateObservableGauge("hotline.outbox.backlog", () => Snapshot().Backlog, "{message}", "Outbox messages waiting to be delivered, by channel.");
    }

    /// <summary>What the gauges report: read from the database at most once per <see cref="TelemetryOptions.GaugeCacheDuration"/>.</summary>
    public GaugeSnapshot Snapshot()
    {
        lock (_lock)
        {
            if (_read && _clock.GetElapsedTime(_readAt) < _options.GaugeCacheDuration)
                return _snapshot;
            try
            {
                _snapshot = Read();
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                // A scrape must not fail because the database did: the last values are served until it answers again.
                _logger.LogWarning(e, "The hotline's gauges could not be read from the database.");
            }

            _read = true;
            _readAt = _clock.GetTimestamp();
            return _snapshot;
        }
    }

    private GaugeSnapshot Read()
    {
        using var db = _contexts.CreateDbContext();
        var now = _clock.GetUtcNow();
        var timers = db.Bookmarks.AsNoTracking().Where(b => b.ResumeAt != null);
        var pending = timers.Count();
        var due = timers.Count(b => b.ResumeAt <= now);
        var oldest = timers.Where(b => b.ResumeAt <= now).OrderBy(b => b.ResumeAt).Select(b => b.ResumeAt).FirstOrDefault();
        var lag = oldest is { } at ? Math.Max(0, (now - at).TotalSeconds) : 0;

        var byUnit = db.InboxTasks.AsNoTracking()
            .Where(t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor)
            .GroupBy(t => t.UnitCode).Select(g => new { Unit = g.Key, Count = g.Count() })
            .ToList().OrderByDescending(u => u.Count).ThenBy(u => u.Unit, StringComparer.Ordinal).ToList();
        var open = byUnit.Take(_options.MaxUnits).Select(u => Measure(u.Count, "unit", u.Unit ?? NoUnit)).ToList();
        if (byUnit.Count > _options.MaxUnits)
            open.Add(Measure(byUnit.Skip(_options.MaxUnits).Sum(u => u.Count), "unit", OtherUnits));

        var backlog = db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Pending)
            .GroupBy(m => m.Channel).Select(g => new { Channel = g.Key, Count = g.Count() }).ToList()
            .Select(c => Measure(c.Count, "channel", c.Channel.ToString())).ToList();
        return new GaugeSnapshot(pending, due, lag, open, backlog);
    }

    private static Measurement<int> Measure(int value, string tag, string tagValue) => new(value, new KeyValuePair<string, object?>(tag, tagValue));
}

/// <summary>The gauges' values at one reading.</summary>
public sealed record GaugeSnapshot(int TimersPending, int TimersDue, double TimerLagSeconds, IReadOnlyList<Measurement<int>> OpenTasks, IReadOnlyList<Measurement<int>> Backlog)
{
    /// <summary>Nothing read yet (or the database never answered).</summary>
    public static GaugeSnapshot Empty { get; } = new(0, 0, 0, [], []);
}
