using Hotline.Domain.Cases;
using Hotline.Domain.Administration;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Routing;

/// <summary>
/// A subject of the appeal taxonomy (诉求分类), such as 市容环境 › 占道经营. Routing rules are keyed by subject; a subject
/// without a rule of its own is routed by its parent's rules.
/// </summary>
public sealed class Subject : IVersioned
{
    /// <summary>The subject's code, its key (<c>SR-ZDJY</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>The subject's name (占道经营).</summary>
    public string Name { get; set; } = "";

    /// <summary>The code of the category it belongs to; null for a top-level category.</summary>
    public string? ParentCode { get; set; }

    /// <summary>The case type an operator is offered first for this subject (占道经营 is usually a complaint).</summary>
    public CaseType DefaultCaseType { get; set; } = CaseType.Consultation;

    /// <summary>The case types it accepts; <see cref="DefaultCaseType"/> is one of them.</summary>
    public List<CaseType> CaseTypes { get; set; } = [.. Enum.GetValues<CaseType>()];

    /// <inheritdoc />
    public int Version { get; set; } = 1;
}

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> builder)
    {
        builder.ToTable("Subjects");
        builder.HasKey(s => s.Code);
        builder.Property(s => s.Code).HasMaxLength(32);
        builder.Property(s => s.Name).HasMaxLength(100).IsRequired();
        builder.Property(s => s.ParentCode).HasMaxLength(32);
        builder.Property(s => s.DefaultCaseType).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.CaseTypes).HasJsonListConversion();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.HasIndex(s => s.ParentCode);
        builder.HasOne<Subject>().WithMany().HasForeignKey(s => s.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
