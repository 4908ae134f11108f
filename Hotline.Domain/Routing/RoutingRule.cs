using Hotline.Domain.Cases;
using Hotline.Domain.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Routing;

/// <summary>
/// Who handles a subject in a district (按责转办): one lead unit (主办) and any assisting units (协办).
/// A rule for a district beats a rule for any district; among equals the higher <see cref="Priority"/> wins.
/// </summary>
public sealed class RoutingRule : IVersioned
{
    /// <summary>The rule's id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The subject it routes (a leaf or a category; a category's rule covers its subjects that have none).</summary>
    public string SubjectCode { get; set; } = "";

    /// <summary>The six-digit district code it applies to, or null for any district.</summary>
    public string? DistrictCode { get; set; }

    /// <summary>The unit that owns the case (主办).</summary>
    public string LeadUnitCode { get; set; } = "";

    /// <summary>Units that help (协办); never the lead unit.</summary>
    public List<string> AssistingUnitCodes { get; set; } = [];

    /// <summary>Higher wins among rules equally specific for a subject and district.</summary>
    public int Priority { get; set; }

    /// <inheritdoc />
    public int Version { get; set; } = 1;
}

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> builder)
    {
        builder.ToTable("RoutingRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(64);
        builder.Property(r => r.SubjectCode).HasMaxLength(32).IsRequired();
        builder.Property(r => r.DistrictCode).HasMaxLength(6);
        builder.Property(r => r.LeadUnitCode).HasMaxLength(32).IsRequired();
        builder.Property(r => r.AssistingUnitCodes).HasJsonListConversion();
        builder.Property(r => r.Version).IsConcurrencyToken();
        // Routing reads the rules of a few subjects for one district and for any district.
        builder.HasIndex(r => new { r.SubjectCode, r.DistrictCode });
        builder.HasOne<Subject>().WithMany().HasForeignKey(r => r.SubjectCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HandlingUnit>().WithMany().HasForeignKey(r => r.LeadUnitCode).OnDelete(DeleteBehavior.Restrict);
    }
}
