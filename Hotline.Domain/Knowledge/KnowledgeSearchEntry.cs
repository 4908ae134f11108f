using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Knowledge;

/// <summary>
/// A knowledge-base article's words in the full-text index, one column per field so that each weighs as it should
/// (title and keywords most, then the question, the answer least). Written by <see cref="SearchIndexer"/> in the save
/// that adds or changes the article; indexed by the database as <see cref="Cases.CaseSearchEntry"/> is
/// (<c>KnowledgeSearchFts</c> on SQLite, <c>Document</c> on PostgreSQL).
/// </summary>
public sealed class KnowledgeSearchEntry
{
    /// <summary>The row id; an integer because SQLite's FTS5 table refers to rows by it.</summary>
    public long Id { get; set; }

    /// <summary>The article.</summary>
    public string ArticleId { get; set; } = "";

    /// <summary>The words of <see cref="KnowledgeArticle.Title"/>.</summary>
    public string TitleTerms { get; set; } = "";

    /// <summary>The words of <see cref="KnowledgeArticle.Question"/>.</summary>
    public string QuestionTerms { get; set; } = "";

    /// <summary>The words of <see cref="KnowledgeArticle.Answer"/>.</summary>
    public string AnswerTerms { get; set; } = "";

    /// <summary>The words of <see cref="KnowledgeArticle.Keywords"/>.</summary>
    public string KeywordTerms { get; set; } = "";
}

internal sealed class KnowledgeSearchEntryConfiguration : IEntityTypeConfiguration<KnowledgeSearchEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeSearchEntry> builder)
    {
        builder.ToTable("KnowledgeSearchEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.Property(e => e.ArticleId).HasMaxLength(32);
        builder.HasIndex(e => e.ArticleId).IsUnique();
        builder.HasOne<KnowledgeArticle>().WithOne().HasForeignKey<KnowledgeSearchEntry>(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.TitleTerms).IsRequired();
        builder.Property(e => e.QuestionTerms).IsRequired();
        builder.Property(e => e.AnswerTerms).IsRequired();
        builder.Property(e => e.KeywordTerms).IsRequired();
    }
}
