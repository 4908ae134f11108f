using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hotline.Host.Operations.Health;

/// <summary>
/// The database answers a query and holds every migration this build knows. Pending migrations are looked up until
/// none are found, then no more (the list does not shrink back, and reading it costs a query of the history table).
/// </summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<HotlineDbContext> contexts) : IHealthCheck
{
    private volatile bool _migrated;

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A query rather than CanConnectAsync, which answers true for a SQLite file that it has just created empty.
        await db.Bookmarks.AsNoTracking().Select(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        if (!_migrated)
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
                return HealthCheckResult.Unhealthy("The database lacks migrations.");
            _migrated = true;
        }

        return HealthCheckResult.Healthy();
    }
}
