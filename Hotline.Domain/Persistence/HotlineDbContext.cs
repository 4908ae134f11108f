using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Persistence;

/// <summary>
/// Hotline's database. Abstract because each provider has its own subclass with its own migrations
/// (<see cref="SqliteHotlineDbContext"/>, <see cref="PostgreSqlHotlineDbContext"/>, <see cref="SqlServerHotlineDbContext"/>);
/// the model is defined here once.
/// Resolve it from DI (scoped) or create short-lived ones with <see cref="IDbContextFactory{HotlineDbContext}"/>.
/// </summary>
public abstract class HotlineDbContext : DbContext
{
    /// <summary>For the provider subclasses.</summary>
    protected HotlineDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// The most parameters one command may carry on this provider. Code that writes many rows in one command (the
    /// <see cref="WorkflowCommitWriter"/>) splits its work to stay under it.
    /// </summary>
    internal abstract int MaxCommandParameters { get; }

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

    /// <summary>The definitions other systems may start over HTTP.</summary>
    public DbSet<EntryPoints.WorkflowEntryPoint> WorkflowEntryPoints => Set<EntryPoints.WorkflowEntryPoint>();

    /// <summary>The working-day calendar: one row per year of holidays and make-up working days.</summary>
    public DbSet<Calendar.CalendarYear> CalendarYears => Set<Calendar.CalendarYear>();

    /// <summary>Cases (工单).</summary>
    public DbSet<Cases.Case> Cases => Set<Cases.Case>();

    /// <summary>The append-only timelines of cases.</summary>
    public DbSet<Cases.CaseEvent> CaseEvents => Set<Cases.CaseEvent>();

    /// <summary>The per-day counters behind case numbers.</summary>
    public DbSet<Cases.CaseNumberCounter> CaseNumberCounters => Set<Cases.CaseNumberCounter>();

    /// <summary>The handling-unit tree.</summary>
    public DbSet<Routing.HandlingUnit> HandlingUnits => Set<Routing.HandlingUnit>();

    /// <summary>The subject taxonomy.</summary>
    public DbSet<Routing.Subject> Subjects => Set<Routing.Subject>();

    /// <summary>Subject × district routing rules.</summary>
    public DbSet<Routing.RoutingRule> RoutingRules => Set<Routing.RoutingRule>();

    /// <summary>Knowledge-base answers.</summary>
    public DbSet<Knowledge.KnowledgeArticle> KnowledgeArticles => Set<Knowledge.KnowledgeArticle>();

    /// <summary>Task inboxes.</summary>
    public DbSet<Inbox.InboxTask> InboxTasks => Set<Inbox.InboxTask>();

    /// <summary>People who sign in.</summary>
    public DbSet<Users.UserAccount> UserAccounts => Set<Users.UserAccount>();

    /// <summary>Signed-in sessions (hashed bearer tokens).</summary>
    public DbSet<Users.AccessToken> AccessTokens => Set<Users.AccessToken>();

    /// <summary>The append-only audit log: administrators' changes, publications, views of full telephone numbers.</summary>
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();

    /// <summary>The words of cases for full-text search (written by <see cref="SearchIndexer"/>).</summary>
    public DbSet<Cases.CaseSearchEntry> CaseSearchEntries => Set<Cases.CaseSearchEntry>();

    /// <summary>The units that led each case or had a task for it (what a unit's users may see).</summary>
    public DbSet<Cases.CaseUnit> CaseUnits => Set<Cases.CaseUnit>();

    /// <summary>The words of knowledge-base articles for full-text search (written by <see cref="SearchIndexer"/>).</summary>
    public DbSet<Knowledge.KnowledgeSearchEntry> KnowledgeSearchEntries => Set<Knowledge.KnowledgeSearchEntry>();

    /// <summary>What people should know now (written by <see cref="Notifications.NotificationWriter"/>).</summary>
    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    /// <summary>How far each person has read their notifications.</summary>
    public DbSet<Notifications.NotificationRead> NotificationReads => Set<Notifications.NotificationRead>();

    /// <summary>Files that came with cases (their bytes are in the attachment store).</summary>
    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();

    /// <summary>Notices to deliver by e-mail and text message (written by <see cref="Outbox.OutboxWriter"/>).</summary>
    public DbSet<Outbox.OutboxMessage> OutboxMessages => Set<Outbox.OutboxMessage>();

    /// <summary>Every try at delivering an outbox message.</summary>
    public DbSet<Outbox.DeliveryAttempt> DeliveryAttempts => Set<Outbox.DeliveryAttempt>();

    /// <summary>Administrators' words for each kind of notice.</summary>
    public DbSet<Outbox.NoticeTemplate> NoticeTemplates => Set<Outbox.NoticeTemplate>();
    /// <summary>One-time rating links (好差评) given with replies, kept as hashes.</summary>
    public DbSet<Rating.RatingToken> RatingTokens => Set<Rating.RatingToken>();

    /// <summary>The tallies of ended days and months (<see cref="Indicators.IndicatorSnapshotStore"/>).</summary>
    public DbSet<Indicators.IndicatorSnapshot> IndicatorSnapshots => Set<Indicators.IndicatorSnapshot>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfiguration(new WorkflowDefinitionRowConfiguration());
        modelBuilder.ApplyConfiguration(new Rating.RatingTokenConfiguration());
        modelBuilder.ApplyConfiguration(new Indicators.IndicatorSnapshotConfiguration());
        modelBuilder.ApplyConfiguration(new WorkflowInstanceRowConfiguration());
        modelBuilder.ApplyConfiguration(new BookmarkRowConfiguration());
        modelBuilder.ApplyConfiguration(new WorkflowHistoryRowConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyKeyRowConfiguration());
        modelBuilder.ApplyConfiguration(new EntryPoints.WorkflowEntryPointConfiguration());
        modelBuilder.ApplyConfiguration(new Calendar.CalendarYearConfiguration());
        modelBuilder.ApplyConfiguration(new Routing.HandlingUnitConfiguration());
        modelBuilder.ApplyConfiguration(new Routing.SubjectConfiguration());
        modelBuilder.ApplyConfiguration(new Routing.RoutingRuleConfiguration());
        modelBuilder.ApplyConfiguration(new Cases.CaseConfiguration());
        modelBuilder.ApplyConfiguration(new Cases.CaseEventConfiguration());
        modelBuilder.ApplyConfiguration(new Cases.CaseNumberCounterConfiguration());
        modelBuilder.ApplyConfiguration(new Knowledge.KnowledgeArticleConfiguration());
        modelBuilder.ApplyConfiguration(new Inbox.InboxTaskConfiguration());
        modelBuilder.ApplyConfiguration(new Users.UserAccountConfiguration());
        modelBuilder.ApplyConfiguration(new Users.AccessTokenConfiguration());
        modelBuilder.ApplyConfiguration(new Audit.AuditEntryConfiguration());
        modelBuilder.ApplyConfiguration(new Cases.CaseSearchEntryConfiguration());
        modelBuilder.ApplyConfiguration(new Cases.CaseUnitConfiguration());
        modelBuilder.ApplyConfiguration(new Knowledge.KnowledgeSearchEntryConfiguration());
        modelBuilder.ApplyConfiguration(new Notifications.NotificationConfiguration());
        modelBuilder.ApplyConfiguration(new Notifications.NotificationReadConfiguration());
        modelBuilder.ApplyConfiguration(new Attachments.AttachmentConfiguration());
        modelBuilder.ApplyConfiguration(new Outbox.OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new Outbox.DeliveryAttemptConfiguration());
        modelBuilder.ApplyConfiguration(new Outbox.NoticeTemplateConfiguration());
    }

    /// <summary>
    /// Saves with EF Core's change detection run once, before the save hooks (<see cref="SearchIndexer"/>, the
    /// notification and outbox writers): each hook's look at the tracked rows would otherwise run a full detection pass
    /// of its own, and the save another. A hook that changes a row it loaded marks it (<see cref="DetectChangesOf"/>).
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return base.SaveChanges(acceptAllChangesOnSuccess);
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <inheritdoc cref="SaveChanges(bool)" />
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    /// <summary>
    /// Marks what code changed in <paramref name="entity"/>, a row this context already tracks, when the context is not
    /// detecting changes by itself: a save detects them once, before its save hooks run (<see cref="SaveChangesAsync(bool, CancellationToken)"/>,
    /// <see cref="WorkflowCommitTransaction"/>), so a hook that changes a loaded row says so here.
    /// </summary>
    public void DetectChangesOf(object entity)
    {
        if (!ChangeTracker.AutoDetectChangesEnabled)
            Entry(entity).DetectChanges();
    }
}
