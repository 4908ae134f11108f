using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Persistence;

/// <summary>
/// Hotline's database. Abstract because each provider has its own subclass with its own migrations
/// (<see cref="SqliteHotlineDbContext"/>, <see cref="PostgreSqlHotlineDbContext"/>); the model is defined here once.
/// Resolve it from DI (scoped) or create short-lived ones with <see cref="IDbContextFactory{HotlineDbContext}"/>.
/// </summary>
public abstract class HotlineDbContext : DbContext
{
    /// <summary>For the provider subclasses.</summary>
    protected HotlineDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Workflow definition versions.</summary>
    public DbSet<WorkflowDefinitionRow> WorkflowDefinitions => Set<WorkflowDefinitionRow>();

    /// <summary>Workflow instances.</summary>
    public DbSet<WorkflowInstanceRow> WorkflowInstances => Set<WorkflowInstanceRow>();

    /// <summary>The bookmark index: where instances wait.</summary>
    public DbSet<BookmarkRow> Bookmarks => Set<BookmarkRow>();

    /// <summary>Instance journals and execution records, one row per burst.</summary>
    public DbSet<WorkflowHistoryRow> WorkflowHistory => Set<WorkflowHistoryRow>();

    /// <summary>Responses remembered for the HTTP API's <c>Idempotency-Key</c> header.</summary>
    public DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    /// <summary>The working-day calendar: one row per year of holidays and make-up working days.</summary>
    public DbSet<Calendar.CalendarYear> CalendarYears => Set<Calendar.CalendarYear>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new WorkflowDefinitionRowConfiguration());
        modelBuilder.ApplyConfiguration(new WorkflowInstanceRowConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkRowConfiguration());
        modelBuilder.ApplyConfiguration(new WorkflowHistoryRowConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyKeyRowConfiguration());
        modelBuilder.ApplyConfiguration(new Calendar.CalendarYearConfiguration());
    }
}
