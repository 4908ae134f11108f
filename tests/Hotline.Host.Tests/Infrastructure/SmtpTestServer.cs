using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>
/// A real SMTP server for a test: Debian's aiosmtpd (<c>python3-aiosmtpd</c>, installed by the test command) on a free
/// port of 127.0.0.1, keeping every message it accepts in a Maildir that <see cref="Messages"/> reads.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    /// <summary>Debian's Python, which has the module (a user's pyenv may not).</summary>
    private const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly string _maildir;

    private SmtpTestServer(Process process, string maildir, int port)
    {
        _process = process;
        _maildir = maildir;
        Port = port;
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts the server and returns once it accepts connections.</summary>
    public static async Task<SmtpTestServer> StartAsync()
    {
        if (!File.Exists(Python))
            throw new InvalidOperationException($"{Python} is missing: install python3-aiosmtpd (build/test.sh does).");
        // Python's Maildir makes its folders (cur, new, tmp) only when it makes the directory itself.
        var maildir = Path.Combine(Directory.CreateTempSubdirectory("hotline-smtp-").FullName, "mail");
        var port = FreePort();
        var start = new ProcessStartInfo(Python, ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("aiosmtpd did not start.");
        var server = new SmtpTestServer(process, maildir, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    /// <summary>The messages received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))] : [];
    }

    private async Task WaitUntilListeningAsync()
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException("aiosmtpd exited: " + await _process.StandardError.ReadToEndAsync() + " (is python3-aiosmtpd installed?)");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (until.Elapsed < TimeSpan.FromSeconds(20))
            {
                await Task.Delay(100);
            }
        }
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
        Directory.Delete(Path.GetDirectoryName(_maildir)!, recursive: true);
    }
}
