using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Indicators;

/// <summary>
/// The tallies of an ended period (a day or a calendar month), city-wide or for one district, as computed from the
/// timeline, with what the timeline held when they were: the count of the period's counted events and of the cases
/// registered before its end that indicators no longer count (voided, merged). A period's figures only change when one of
/// those does — an event written into it afterwards (an import, a late timer), a case voided or merged later, a case
/// erased — so <see cref="IndicatorSnapshotStore"/> uses the snapshot while both still agree and computes it again otherwise.
/// </summary>
public sealed class IndicatorSnapshot
{
    /// <summary>The period's first day (local date of the hotline's time zone).</summary>
    public DateOnly From { get; set; }

    /// <summary>The day after the period's last day.</summary>
    public DateOnly To { get; set; }

    /// <summary>The district whose cases were counted; empty for the whole city.</summary>
    public string DistrictKey { get; set; } = "";

    /// <summary>The period's events of the counted kinds when computed.</summary>
    public int EventCount { get; set; }

    /// <summary>The cases registered before the period's end that were voided or merged, when computed.</summary>
    public int ExcludedCaseCount { get; set; }

    /// <summary>When it was computed.</summary>
    public DateTimeOffset ComputedAt { get; set; }

    /// <summary>The tallies (<see cref="IndicatorTallies"/>) as JSON.</summary>
    public string Tallies { get; set; } = "";
}

internal sealed class IndicatorSnapshotConfiguration : IEntityTypeConfiguration<IndicatorSnapshot>
{
    public void Configure(EntityTypeBuilder<IndicatorSnapshot> builder)
    {
        builder.ToTable("IndicatorSnapshots");
        builder.HasKey(s => new { s.From, s.To, s.DistrictKey });
        builder.Property(s => s.DistrictKey).HasMaxLength(6);
        builder.Property(s => s.Tallies).IsRequired();
    }
}
