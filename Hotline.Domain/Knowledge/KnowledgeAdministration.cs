using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Knowledge;

/// <summary>An article's content as an administrator sends it; every field is replaced.</summary>
/// <param name="Id">The article's id, its key (required to create; it never changes).</param>
/// <param name="Version">The version read (updates only).</param>
/// <param name="Title">The title (required, at most 200 characters).</param>
/// <param name="Question">The question as citizens ask it (required).</param>
/// <param name="Answer">The answer the operator gives (required).</param>
/// <param name="SubjectCode">The subject it answers (existing), or empty.</param>
/// <param name="Keywords">Search keywords separated by spaces or commas.</param>
/// <param name="ValidFrom">The first day it may be offered (the hotline's date), or empty.</param>
/// <param name="ValidTo">The last day it may be offered, not before <paramref name="ValidFrom"/>, or empty.</param>
public sealed record KnowledgeFields(string? Id, int? Version, string? Title, string? Question, string? Answer, string? SubjectCode, string? Keywords, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>Filters of the article list; null means any.</summary>
/// <param name="Status">Articles in this status.</param>
/// <param name="SubjectCode">Articles of this subject.</param>
/// <param name="Text">Articles whose title contains this text.</param>
public sealed record KnowledgeFilter(KnowledgeStatus? Status, string? SubjectCode, string? Text);

/// <summary>
/// Administrators write, review and retire knowledge articles (scoped). A new article is a draft; only a draft or an
/// article in review has its content changed: a published answer is what operators read out to citizens, so it is
/// changed only by withdrawing it to draft, editing and reviewing again (4-eyes). The approver is not the last author,
/// unless the author is the hotline's only active administrator (who would otherwise never publish; the audit row
/// shows author and reviewer alike).
/// </summary>
public sealed class KnowledgeAdministration(HotlineDbContext db, VersionedChanges changes, TimeProvider clock)
{
    /// <summary>The longest question or answer.</summary>
    public const int MaxTextLength = 20_000;

    /// <summary>Articles by id, filtered and paged.</summary>
    public async Task<(List<KnowledgeArticle> Items, int Total)> ListAsync(KnowledgeFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.KnowledgeArticles.AsNoTracking();
        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.SubjectCode is { } subject)
            query = query.Where(a => a.SubjectCode == subject);
        if (filter.Text is { } text)
            query = query.Where(a => a.Title.Contains(text));
        return (await query.OrderBy(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken), await query.CountAsync(cancellationToken));
    }

    /// <summary>One article, or null.</summary>
    public Task<KnowledgeArticle?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.KnowledgeArticles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>Adds a draft written by <paramref name="actor"/>; an id already taken is refused.</summary>
    public async Task<Change<KnowledgeArticle>> CreateAsync(string actor, KnowledgeFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Codes.Check(fields.Id, "id", errors);
        var article = new KnowledgeArticle { Id = fields.Id?.Trim() ?? "" };
        article.SetStatus(KnowledgeStatus.Draft);
        if (await ApplyAsync(actor, article, fields, errors, cancellationToken) is { } invalid)
            return invalid;
        if (await db.KnowledgeArticles.AnyAsync(a => a.Id == article.Id, cancellationToken))
            return Change<KnowledgeArticle>.Refused($"There is already an article '{article.Id}'; change it instead.");
        return await changes.CreateAsync(actor, AuditActions.KnowledgeCreated, AuditEntityTypes.KnowledgeArticle, article.Id, article, cancellationToken);
    }

    /// <summary>Replaces a draft's (or an article in review's) content; <paramref name="actor"/> becomes its author.</summary>
    public async Task<Change<KnowledgeArticle>> UpdateAsync(string actor, string id, KnowledgeFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(fields.Version, errors);
        Codes.CheckSameKey(fields.Id, id, "id", errors);
        return await changes.UpdateAsync<KnowledgeArticle>(actor, AuditActions.KnowledgeUpdated, AuditEntityTypes.KnowledgeArticle, id, fields.Version, async article =>
        {
            if (errors.Count == 0 && article.Status is not (KnowledgeStatus.Draft or KnowledgeStatus.InReview))
                return Change<KnowledgeArticle>.Refused($"{article.Id} is {article.Status}; only a Draft or an article InReview is edited: withdraw it to draft first.", article);
            return await ApplyAsync(actor, article, fields, errors, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>
    /// Moves an article along its review cycle at <paramref name="version"/>; <paramref name="reason"/> is required to
    /// return it. A transition that does not start from the article's status is refused, naming the status.
    /// </summary>
    public async Task<Change<KnowledgeArticle>> TransitionAsync(string actor, string id, KnowledgeTransition transition, int? version, string? reason,
        CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(version, errors);
        if (transition == KnowledgeTransition.Return)
            Codes.CheckText(reason, "reason", 500, errors);
        if (errors.Count > 0)
            return Change<KnowledgeArticle>.Invalid(errors);
        var (from, to, action) = KnowledgeTransitions.Of(transition);
        return await changes.UpdateAsync<KnowledgeArticle>(actor, action, AuditEntityTypes.KnowledgeArticle, id, version, async article =>
        {
            if (!from.Contains(article.Status))
            {
                return Change<KnowledgeArticle>.Refused(
                    $"{article.Id} is {article.Status}; {transition} moves an article that is {string.Join(" or ", from)} to {to}.", article);
            }

            if (transition == KnowledgeTransition.Approve && article.Author == actor && await UserAdministration.HasOtherActiveAdministratorAsync(db, actor, cancellationToken))
                return Change<KnowledgeArticle>.Refused($"{actor} wrote {article.Id}; another administrator reviews and approves it.", article);
            article.SetStatus(to);
            if (transition == KnowledgeTransition.Approve)
            {
                article.Reviewer = actor;
                article.UpdatedAt = clock.GetUtcNow();
            }

            article.ReturnReason = transition == KnowledgeTransition.Return ? reason!.Trim() : null;
            return null;
        }, cancellationToken);
    }

    private async Task<Change<KnowledgeArticle>?> ApplyAsync(string actor, KnowledgeArticle article, KnowledgeFields fields, Dictionary<string, string[]> errors,
        CancellationToken cancellationToken)
    {
        Codes.CheckText(fields.Title, "title", 200, errors);
        Codes.CheckText(fields.Question, "question", MaxTextLength, errors);
        Codes.CheckText(fields.Answer, "answer", MaxTextLength, errors);
        Codes.CheckText(fields.Keywords, "keywords", 500, errors, required: false);
        var subject = Codes.Trimmed(fields.SubjectCode);
        if (subject is not null && !await db.Subjects.AnyAsync(s => s.Code == subject, cancellationToken))
            errors["subjectCode"] = [$"There is no subject '{subject}'."];
        if (fields.ValidFrom is { } validFrom && fields.ValidTo is { } validTo && validTo < validFrom)
            errors["validTo"] = [$"{validTo:yyyy-MM-dd} is before validFrom {validFrom:yyyy-MM-dd}."];
        if (errors.Count > 0)
            return Change<KnowledgeArticle>.Invalid(errors);

        article.Title = fields.Title!.Trim();
        article.Question = fields.Question!.Trim();
        article.Answer = fields.Answer!.Trim();
        article.SubjectCode = subject;
        article.Keywords = fields.Keywords?.Trim() ?? "";
        article.ValidFrom = fields.ValidFrom;
        article.ValidTo = fields.ValidTo;
        db.ChangeTracker.DetectChanges();
        if (db.Entry(article).State is EntityState.Modified or EntityState.Detached)
        {
            article.Author = actor;
            article.UpdatedAt = clock.GetUtcNow();
        }

        return null;
    }
}
