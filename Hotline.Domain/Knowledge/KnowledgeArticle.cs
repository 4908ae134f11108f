using System.Linq.Expressions;
using Hotline.Domain.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Knowledge;

/// <summary>
/// A knowledge-base answer (知识库): what an operator reads out to close a consultation at once (直接办结). An answer is
/// written as a draft, reviewed and published (<see cref="KnowledgeStatus"/>); search offers it only while published and
/// within its validity dates (<see cref="OfferedOn"/>).
/// </summary>
public sealed class KnowledgeArticle : IVersioned
{
    private DateTimeOffset _updatedAt;

    /// <summary>The article id (<c>KB-0001</c>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The title (灵活就业人员如何参加职工养老保险).</summary>
    public string Title { get; set; } = "";

    /// <summary>The question as citizens ask it.</summary>
    public string Question { get; set; } = "";

    /// <summary>The answer the operator gives.</summary>
    public string Answer { get; set; } = "";

    /// <summary>The subject it answers; search ranks articles of the case's subject higher.</summary>
    public string? SubjectCode { get; set; }

    /// <summary>Search keywords separated by spaces or commas (社保 灵活就业 养老保险).</summary>
    public string Keywords { get; set; } = "";

    /// <summary>When the answer was last checked or changed (UTC).</summary>
    public DateTimeOffset UpdatedAt
    {
        get => _updatedAt;
        set => _updatedAt = value.ToUniversalTime();
    }

    /// <summary>
    /// Whether it is published (<see cref="Status"/> is <see cref="KnowledgeStatus.Published"/>), kept for the readers that
    /// ask only that; outdated answers are expired, not deleted, so closed cases keep their reference.
    /// </summary>
    public bool IsActive
    {
        get => Status == KnowledgeStatus.Published;
        // Stored for the index and the readers of the column; always derived from the status, never set apart from it.
        private set => _ = value;
    }

    /// <summary>Where it is in its review cycle; <see cref="IsActive"/> follows it.</summary>
    public KnowledgeStatus Status { get; set; } = KnowledgeStatus.Published;

    /// <summary>The first day (the hotline's local date) it may be offered; null: from publication.</summary>
    public DateOnly? ValidFrom { get; set; }

    /// <summary>The last day (the hotline's local date) it may be offered, on or after <see cref="ValidFrom"/>; null: until expired.</summary>
    public DateOnly? ValidTo { get; set; }

    /// <summary>The user name of who last wrote the content (created or edited it).</summary>
    public string? Author { get; set; }

    /// <summary>The user name of who approved the published content.</summary>
    public string? Reviewer { get; set; }

    /// <summary>Why a reviewer returned it to draft; cleared when it is submitted again.</summary>
    public string? ReturnReason { get; set; }

    /// <inheritdoc />
    public int Version { get; set; } = 1;

    /// <summary>Moves it to <paramref name="status"/> (<see cref="IsActive"/> follows).</summary>
    public void SetStatus(KnowledgeStatus status) => Status = status;

    /// <summary>Articles search may offer on <paramref name="today"/>: published, and <paramref name="today"/> within the validity dates.</summary>
    public static Expression<Func<KnowledgeArticle, bool>> OfferedOn(DateOnly today) =>
        a => a.Status == KnowledgeStatus.Published && (a.ValidFrom == null || a.ValidFrom <= today) && (a.ValidTo == null || a.ValidTo >= today);
}

/// <summary>The review cycle of a knowledge article.</summary>
public enum KnowledgeStatus
{
    /// <summary>Being written; not offered.</summary>
    Draft,

    /// <summary>Submitted; waiting for a reviewer to publish it or return it.</summary>
    InReview,

    /// <summary>Approved; offered to operators within its validity dates.</summary>
    Published,

    /// <summary>Outdated; kept so closed cases keep their reference, never offered.</summary>
    Expired,
}

internal sealed class KnowledgeArticleConfiguration : IEntityTypeConfiguration<KnowledgeArticle>
{
    public void Configure(EntityTypeBuilder<KnowledgeArticle> builder)
    {
        builder.ToTable("KnowledgeArticles");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).HasMaxLength(32);
        builder.Property(a => a.Title).HasMaxLength(200).IsRequired();
        builder.Property(a => a.Question).IsRequired();
        builder.Property(a => a.Answer).IsRequired();
        builder.Property(a => a.SubjectCode).HasMaxLength(32);
        builder.Property(a => a.Keywords).HasMaxLength(500).IsRequired();
        builder.Property(a => a.UpdatedAt).HasField("_updatedAt");
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Author).HasMaxLength(64);
        builder.Property(a => a.Reviewer).HasMaxLength(64);
        builder.Property(a => a.ReturnReason).HasMaxLength(500);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.SubjectCode, a.IsActive });
    }
}
