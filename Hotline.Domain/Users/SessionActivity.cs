using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Users;

/// <summary>
/// Keeps browser sessions alive while their people work, without a database write per request: a session's idle
/// time-out is restarted (<see cref="UserService.KeepAliveAsync"/>) at most once per <see cref="Step"/> on each host.
/// A session may so end up to one step earlier than its last activity plus <see cref="SessionOptions.IdleTimeout"/>.
/// </summary>
public sealed class SessionActivity(UserService users, TimeProvider clock, IOptions<SessionOptions> options)
{
    private const int PruneAbove = 10_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastKeptAlive = new(StringComparer.Ordinal);

    /// <summary>The shortest time between two restarts of one session's idle time-out: a minute, or a tenth of the time-out if shorter.</summary>
    public TimeSpan Step => TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, options.Value.IdleTimeout.Ticks / 10));

    /// <summary>The person holding <paramref name="token"/> did something.</summary>
    public async Task NoteAsync(string token, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var key = UserService.HashToken(token);
        if (_lastKeptAlive.TryGetValue(key, out var last) && now - last < Step)
            return;
        _lastKeptAlive[key] = now;
        if (_lastKeptAlive.Count > PruneAbove)
            Prune(now);
        await users.KeepAliveAsync(token, cancellationToken);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, at) in _lastKeptAlive)
        {
            if (now - at > options.Value.IdleTimeout)
                _lastKeptAlive.TryRemove(key, out _);
        }
    }
}
