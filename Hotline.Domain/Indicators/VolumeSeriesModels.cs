namespace Hotline.Domain.Indicators;

/// <summary>One day of a <see cref="VolumeSeries"/>: the cases registered that day, counted like the daily report's volumes.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Registered">Cases registered that day.</param>
/// <param name="ByChannel">By channel, every channel listed.</param>
/// <param name="ByType">By type, every type listed.</param>
/// <param name="ByDistrict">By district, the districts with cases that day only, by code.</param>
/// <param name="HotDistricts">The districts that were hot spots that day, as the daily report finds them.</param>
public sealed record DayVolume(
    DateOnly Date, int Registered, IReadOnlyList<VolumeLine> ByChannel, IReadOnlyList<VolumeLine> ByType, IReadOnlyList<VolumeLine> ByDistrict,
    IReadOnlyList<HotSpot> HotDistricts);

/// <summary>The intake volume of a period, day by day (<see cref="VolumeSeriesService"/>).</summary>
/// <param name="From">The first day (local date), included.</param>
/// <param name="To">The day after the period, excluded.</param>
/// <param name="TimeZone">The time zone the days are reckoned in.</param>
/// <param name="HotSpotRule">The rule the hot districts were found with.</param>
/// <param name="Days">Every day of the period, in order, days without cases included.</param>
public sealed record VolumeSeries(DateOnly From, DateOnly To, string TimeZone, HotSpotRule HotSpotRule, IReadOnlyList<DayVolume> Days);
