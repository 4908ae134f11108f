using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Cases;

/// <summary>The last case number given out on one day (one row per day).</summary>
public sealed class CaseNumberCounter
{
    /// <summary>The local date, <c>yyyyMMdd</c>; the key.</summary>
    public string Day { get; set; } = "";

    /// <summary>
    /// The last number given out that day. Also the concurrency token: an increment saves only if nobody else
    /// incremented first (<c>UPDATE ... WHERE LastNumber = @read</c>), so no number is given out twice.
    /// </summary>
    public int LastNumber { get; set; }
}

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> builder)
    {
        builder.ToTable("CaseNumberCounters");
        builder.HasKey(c => c.Day);
        builder.Property(c => c.Day).HasMaxLength(8);
        builder.Property(c => c.LastNumber).IsConcurrencyToken();
    }
}
