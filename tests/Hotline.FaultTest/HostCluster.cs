namespace Hotline.FaultTest;

/// <summary>
/// The hosts sharing one database: started, watched (a wanted host that is found dead is started again and counted),
/// and picked at random for each request among those that answer.
/// </summary>
internal sealed class HostCluster : IDisposable
{
    private readonly FaultTestOptions _options;
    private readonly FaultReport _report;
    private readonly Random _random;
    private readonly HttpClient _probe = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2) });
    private readonly List<Task> _starting = [];
    private readonly Lock _gate = new();

    public HostCluster(FaultTestOptions options, IReadOnlyDictionary<string, string> environment, string logDirectory, FaultReport report, Random random)
    {
        _options = options;
        _report = report;
        _random = random;
        Hosts = Enumerable.Range(0, options.Hosts).Select(slot => new HostProcess(slot, options.HostDll, environment, logDirectory)).ToList();
    }

    /// <summary>The hosts.</summary>
    public IReadOnlyList<HostProcess> Hosts { get; }

    /// <summary>Starts <paramref name="host"/> and waits until it answers.</summary>
    public async Task StartAsync(HostProcess host, CancellationToken cancellationToken)
    {
        host.Start();
        if (!await host.WaitUpAsync(_probe, _options.HostStartTimeout, cancellationToken))
            throw new InvalidOperationException($"Host {host.Slot} did not answer on {host.BaseAddress} within {_options.HostStartTimeout}; see its log.");
    }

    /// <summary>A host that answers, at random; waits while none does.</summary>
    public async Task<HostProcess> PickAsync(HostProcess? notThis, CancellationToken cancellationToken)
    {
        while (true)
        {
            var up = Hosts.Where(h => h.IsUp).ToList();
            if (up.Count > 1 && notThis is not null)
                up.Remove(notThis);
            if (up.Count > 0)
            {
                lock (_gate)
                    return up[_random.Next(up.Count)];
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILLs a random running host, unless it is the last one up; it is started again after <see cref="FaultTestOptions.RestartAfter"/>.</summary>
    public void KillOne(CancellationToken cancellationToken)
    {
        var running = Hosts.Where(h => h.Wanted && h.IsRunning).ToList();
        if (running.Count < 2 || Hosts.Count(h => h.IsUp) < 2)
            return;
        HostProcess victim;
        lock (_gate)
            victim = running[_random.Next(running.Count)];
        victim.Kill();
        _report.Killed();
        Track(RestartLaterAsync(victim, cancellationToken));
    }

    /// <summary>
    /// Until cancelled: starts again every wanted host found dead (it exited by itself, e.g. the database was down at
    /// its start) and notices hosts that answer again.
    /// </summary>
    public async Task SuperviseAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var host in Hosts.Where(h => h.Wanted && !h.IsRunning))
            {
                _report.ExitedByItself();
                host.Start();
                Track(host.WaitUpAsync(_probe, _options.HostStartTimeout, cancellationToken));
            }

            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for the pending restarts, then until every host runs and answers.</summary>
    public async Task AllUpAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_gate)
            pending = [.. _starting];
        await Task.WhenAll(pending.Select(t => t.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default)));
        foreach (var host in Hosts.Where(h => !h.IsUp))
        {
            if (!host.IsRunning)
                host.Start();
            if (!await host.WaitUpAsync(_probe, _options.HostStartTimeout, cancellationToken))
                throw new InvalidOperationException($"Host {host.Slot} did not come back within {_options.HostStartTimeout}; see its log.");
        }
    }

    /// <summary>Kills every host.</summary>
    public void Dispose()
    {
        foreach (var host in Hosts)
            host.Dispose();
        _probe.Dispose();
    }

    private async Task RestartLaterAsync(HostProcess host, CancellationToken cancellationToken)
    {
        await Task.Delay(_options.RestartAfter, CancellationToken.None);
        host.Start();
        await host.WaitUpAsync(_probe, _options.HostStartTimeout, cancellationToken);
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            _starting.RemoveAll(t => t.IsCompleted);
            _starting.Add(task);
        }
    }
}
