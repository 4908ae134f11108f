namespace Hotline.Host.Persistence;

/// <summary>
/// A change an activity makes to Hotline's own data (a case, its timeline, an inbox task), recorded with
/// <c>ActivityExecutionContext.AddEffect</c> and applied to the context that saves the instance, so it is committed in
/// the same transaction as the burst that made it or not at all. Read the rows it changes through <paramref name="db"/>
/// in <see cref="ApplyAsync"/> and rely on their concurrency tokens: a stale copy fails the commit, and the runtime
/// retries the burst on fresh data.
/// </summary>
public interface IDbEffect
{
    /// <summary>Adds the change to <paramref name="db"/>; the store calls SaveChanges.</summary>
    Task ApplyAsync(HotlineDbContext db, CancellationToken cancellationToken);
}
