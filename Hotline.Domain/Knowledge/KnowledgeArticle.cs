using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Knowledge;

/// <summary>
/// A knowledge-base answer (知识库): what an operator reads out to close a consultation at once (直接办结).
/// </summary>
public sealed class KnowledgeArticle
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

    /// <summary>Whether search offers it; outdated answers are deactivated, not deleted, so closed cases keep their reference.</summary>
    public bool IsActive { get; set; } = true;
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
        builder.HasIndex(a => new { a.SubjectCode, a.IsActive });
    }
}
