using System.Net;
using System.Net.Sockets;
using Hotline.Domain.Persistence;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hotline.Host.Tests.Persistence;

/// <summary>
/// Start-up against a PostgreSQL that is not there yet: the migration is tried again with back-off, each failure a
/// warning, until the server listens (here a forwarder to the test server, opened on the first warning) or the
/// configured wait is over.
/// </summary>
public sealed class DatabaseStartupTests
{
    private static readonly string Category = typeof(DatabaseStartup).FullName!;

    [Fact]
    public async Task Should_migrate_once_the_server_listens_When_PostgreSQL_is_unreachable_at_start()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var target = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var port = FreePort();
        TcpForwarder? forwarder = null;
        var logs = new CapturingLoggerProvider(log =>
        {
            if (log.Category == Category && log.Level == LogLevel.Warning)
                forwarder ??= TcpForwarder.Start(port, target.Port);
        });
        await using var services = Services(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Port = port, Pooling = false }.ConnectionString,
            TimeSpan.FromSeconds(30), logs);

        try
        {
            await services.MigrateHotlineDatabaseAsync();
        }
        finally
        {
            forwarder?.Dispose();
        }

        Assert.NotNull(forwarder);
        Assert.Contains(logs.Records, r => r.Category == Category && r.Level == LogLevel.Warning && r.Message.Contains("attempt 1", StringComparison.Ordinal));
        await using var db = new PostgreSqlHotlineDbContext(new DbContextOptionsBuilder<PostgreSqlHotlineDbContext>().UseNpgsql(database.ConnectionString).Options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Should_fail_with_the_connection_error_after_logging_each_attempt_When_the_server_never_listens()
    {
        var logs = new CapturingLoggerProvider();
        await using var services = Services($"Host=127.0.0.1;Port={FreePort()};Username=postgres;Database=postgres;Pooling=false", TimeSpan.FromMilliseconds(300), logs);

        var error = await Assert.ThrowsAnyAsync<NpgsqlException>(() => services.MigrateHotlineDatabaseAsync());

        Assert.True(DatabaseStartup.IsUnreachable(error), error.ToString());
        var warnings = logs.Records.Where(r => r.Category == Category && r.Level == LogLevel.Warning).ToList();
        Assert.True(warnings.Count >= 2, string.Join("\n", warnings));
    }

    [Fact]
    public async Task Should_not_try_again_When_the_failure_is_not_a_connection_failure()
    {
        var attempts = 0;
        var logs = new CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var options = new DatabaseStartupRetryOptions { InitialDelay = TimeSpan.FromMilliseconds(10), MaxWait = TimeSpan.FromSeconds(5) };

        await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseStartup.RunAsync(
            _ => { attempts++; throw new InvalidOperationException("The model has pending changes."); }, options, factory.CreateLogger(Category), TimeProvider.System));

        Assert.Equal(1, attempts);
        Assert.Empty(logs.Records);
    }

    private static ServiceProvider Services(string connectionString, TimeSpan maxWait, CapturingLoggerProvider logs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hotline:Database:Provider"] = "PostgreSql",
            ["Hotline:Database:ConnectionString"] = connectionString,
            ["Hotline:Database:StartupRetry:InitialDelay"] = "00:00:00.050",
            ["Hotline:Database:StartupRetry:MaxDelay"] = "00:00:00.200",
            ["Hotline:Database:StartupRetry:MaxWait"] = maxWait.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs));
        services.AddHotlinePersistence(configuration);
        return services.BuildServiceProvider();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Listens on a port and passes each connection through to the test server's port.</summary>
    private sealed class TcpForwarder : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly int _target;
        private readonly CancellationTokenSource _stop = new();

        private TcpForwarder(int port, int target)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _target = target;
        }

        public static TcpForwarder Start(int port, int target)
        {
            var forwarder = new TcpForwarder(port, target);
            forwarder._listener.Start();
            _ = forwarder.AcceptAsync();
            return forwarder;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                    _ = PipeAsync(await _listener.AcceptTcpClientAsync(_stop.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }

        private async Task PipeAsync(TcpClient client)
        {
            using (client)
            using (var server = new TcpClient())
            {
                try
                {
                    await server.ConnectAsync(IPAddress.Loopback, _target, _stop.Token);
                    var (a, b) = (client.GetStream(), server.GetStream());
                    await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or IOException or SocketException)
                {
                }
            }
        }
    }
}
