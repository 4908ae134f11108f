using Hotline.Domain.Persistence;
using Hotline.Domain.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Cases;

/// <summary>
/// A case's words in the full-text index: its content and address cut by <see cref="ChineseSegmenter"/>, written by
/// <see cref="SearchIndexer"/> in the save that adds or changes the case. The database indexes them (SQLite: the FTS5
/// table <c>CaseSearchFts</c>, kept by triggers; PostgreSQL: the generated <c>tsvector</c> column <c>Document</c> under
/// a GIN index), both made by the <c>ChineseSearch</c> migration.
/// </summary>
public sealed class CaseSearchEntry
{
    /// <summary>The row id; an integer because SQLite's FTS5 table refers to rows by it.</summary>
    public long Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The words of <see cref="Case.Content"/>, separated by spaces.</summary>
    public string ContentTerms { get; set; } = "";

    /// <summary>The words of <see cref="Case.Address"/>, separated by spaces.</summary>
    public string AddressTerms { get; set; } = "";
}

internal sealed class CaseSearchEntryConfiguration : IEntityTypeConfiguration<CaseSearchEntry>
{
    public void Configure(EntityTypeBuilder<CaseSearchEntry> builder)
    {
        builder.ToTable("CaseSearchEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedOnAdd();
        builder.HasIndex(e => e.CaseId).IsUnique();
        builder.HasOne<Case>().WithOne().HasForeignKey<CaseSearchEntry>(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(e => e.ContentTerms).IsRequired();
        builder.Property(e => e.AddressTerms).IsRequired();
    }
}
