using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Hotline.Bench.Designer;

/// <summary>
/// The host as the designer's users meet it: the Release build of Hotline.Host in its own process (Production
/// environment), on a fresh SQLite file, with the bootstrap administrator given from the environment.
/// </summary>
internal sealed class DesignerHostProcess : IAsyncDisposable
{
    public const string AdminUserName = "admin";

    private readonly Process _process;
    private readonly string _directory;

    private DesignerHostProcess(Process process, string directory, string address, string password)
    {
        _process = process;
        _directory = directory;
        Address = address;
        AdminPassword = password;
    }

    /// <summary>e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Address { get; }

    public string AdminPassword { get; }

    /// <summary>The host's process id (for its CPU time in <c>/proc/PID/stat</c>).</summary>
    public int ProcessId => _process.Id;

    /// <summary>
    /// Starts <paramref name="hostDll"/> from the repository's Hotline.Host folder (its content root) and waits until it
    /// answers. <paramref name="settings"/> (environment variables, e.g. another database) override the defaults;
    /// <paramref name="before"/> is a command of the host's CLI run first with the same settings (e.g. <c>demo seed --force</c>).
    /// </summary>
    public static async Task<DesignerHostProcess> StartAsync(string repositoryRoot, string hostDll, IReadOnlyDictionary<string, string>? settings = null, string[]? before = null)
    {
        if (!File.Exists(hostDll))
            throw new InvalidOperationException($"{hostDll} is missing: dotnet build Hotline.Host -c Release");
        var directory = Path.Combine(Path.GetTempPath(), "hotline-designer-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var address = $"http://127.0.0.1:{FreePort()}";
        var password = "bench-" + Guid.NewGuid().ToString("N");
        var start = new ProcessStartInfo("dotnet", [hostDll, "--urls", address])
        {
            WorkingDirectory = Path.Combine(repositoryRoot, "Hotline.Host"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Hotline__Database__Provider"] = "Sqlite";
        start.Environment["Hotline__Database__ConnectionString"] = $"Data Source={Path.Combine(directory, "hotline.db")}";
        start.Environment["Hotline__Attachments__Directory"] = Path.Combine(directory, "attachments");
        start.Environment["Hotline__Security__BootstrapAdmin__UserName"] = AdminUserName;
        start.Environment["Hotline__Security__BootstrapAdmin__Password"] = password;
        start.Environment["Hotline__Notices__Delivery__Enabled"] = "false";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        if (before is not null)
            await RunBeforeAsync(start, hostDll, before);
        var process = Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new DesignerHostProcess(process, directory, address, password);

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
                break;
            try
            {
                using var response = await client.GetAsync(address + "/designer/login");
                if (response.StatusCode == HttpStatusCode.OK)
                    return host;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        lock (log)
            throw new InvalidOperationException("The host did not start:\n" + log);
    }

    private static async Task RunBeforeAsync(ProcessStartInfo host, string hostDll, string[] command)
    {
        var start = new ProcessStartInfo("dotnet", [hostDll, .. command])
        {
            WorkingDirectory = host.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in host.Environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}):\n{await output}{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
