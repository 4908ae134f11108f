using System.Diagnostics;

namespace Hotline.FaultTest;

/// <summary>
/// One Hotline.Host process on its own port of 127.0.0.1, its output appended to a log file. The chaos loop kills it
/// with SIGKILL and starts it again on the same port; when it ends by itself (it cannot reach the database at start,
/// say) while it is wanted, <see cref="HostCluster"/> starts it again and counts that.
/// </summary>
internal sealed class HostProcess(int slot, string hostDll, IReadOnlyDictionary<string, string> environment, string logDirectory) : IDisposable
{
    private readonly Lock _gate = new();
    private Process? _process;
    private volatile bool _up;

    /// <summary>The host's number (0, 1, 2).</summary>
    public int Slot { get; } = slot;

    /// <summary>The port it listens on, the same across restarts.</summary>
    public int Port { get; } = FreePort.Next();

    /// <summary>Its base address.</summary>
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Whether it should be running (false between a kill and the restart).</summary>
    public bool Wanted { get; set; }

    /// <summary>Whether it answered HTTP since it was last started and has not been seen dead since.</summary>
    public bool IsUp => _up && IsRunning;

    /// <summary>Whether the process is alive.</summary>
    public bool IsRunning
    {
        get
        {
            lock (_gate)
                return _process is { HasExited: false };
        }
    }

    /// <summary>How many times it was started.</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the process (it must not be running).</summary>
    public void Start()
    {
        lock (_gate)
        {
            _process?.Dispose();
            var info = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, WorkingDirectory = Path.GetDirectoryName(hostDll)! };
            // exec: the process id is the host's, so a kill reaches the host itself.
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add("exec dotnet \"$0\" >>\"$1\" 2>&1");
            info.ArgumentList.Add(hostDll);
            info.ArgumentList.Add(Path.Combine(logDirectory, $"host{Slot}.log"));
            foreach (var (name, value) in environment)
                info.Environment[name] = value;
            info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
            _up = false;
            Wanted = true;
            _process = Process.Start(info) ?? throw new InvalidOperationException($"Host {Slot} did not start.");
            Starts++;
        }
    }

    /// <summary>SIGKILLs the process: no shutdown, no flush, exactly a crash.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            Wanted = false;
            _up = false;
            if (_process is { HasExited: false } process)
            {
                process.Kill();
                process.WaitForExit();
            }
        }
    }

    /// <summary>Waits until the host answers HTTP; false when it exited first or <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitUpAsync(HttpClient probe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < timeout && IsRunning)
        {
            try
            {
                using var probeLimit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                probeLimit.CancelAfter(TimeSpan.FromSeconds(5));
                // Any answer will do (401 without credentials): Kestrel listens only after the database was migrated.
                using var response = await probe.GetAsync(new Uri(BaseAddress, "api/auth/me"), probeLimit.Token);
                _up = true;
                return true;
            }
            catch (HttpRequestException)
            {
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }

    /// <summary>Kills the process if it runs.</summary>
    public void Dispose()
    {
        Kill();
        lock (_gate)
            _process?.Dispose();
    }
}
