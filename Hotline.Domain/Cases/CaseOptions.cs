using Microsoft.Extensions.Options;

namespace Hotline.Domain.Cases;

/// <summary>Case settings; bound from <c>Hotline:Cases</c>.</summary>
public sealed class CaseOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Cases";

    /// <summary>
    /// How far back duplicate detection looks for open cases by the same caller or about the same subject at the same
    /// place (default seven days).
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// The hotline's time zone (IANA id, default <c>Asia/Shanghai</c>): the date in a case number is the local date
    /// there, not the server's.
    /// </summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The configured time zone. China has kept UTC+8 without daylight saving since 1991, so a machine without tz data still gets the right date.</summary>
    public TimeZoneInfo ResolveTimeZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
        }
        catch (TimeZoneNotFoundException) when (TimeZone == "Asia/Shanghai")
        {
            return TimeZoneInfo.CreateCustomTimeZone(TimeZone, TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}

/// <summary>Refuses case settings that cannot work, when the host starts.</summary>
public sealed class CaseOptionsValidator : IValidateOptions<CaseOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, CaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.DuplicateWindow <= TimeSpan.Zero)
            errors.Add($"{CaseOptions.SectionName}:DuplicateWindow must be positive; it is {options.DuplicateWindow}.");
        try
        {
            options.ResolveTimeZone();
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            errors.Add($"{CaseOptions.SectionName}:TimeZone '{options.TimeZone}' is not a known time zone.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
