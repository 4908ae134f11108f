using System.Globalization;
using Hotline.Domain.Cases;
using Microsoft.Extensions.Options;

namespace Hotline.Workbench.Shared;

/// <summary>Moments as people read them: in the hotline's time zone (<see cref="CaseOptions.ResolveTimeZone"/>), and deadlines as countdowns.</summary>
public sealed class WorkbenchTime(IOptions<CaseOptions> options, TimeProvider clock)
{
    private readonly TimeZoneInfo _zone = options.Value.ResolveTimeZone();

    /// <summary>E.g. <c>2026-03-02 09:15</c> in the hotline's time zone; empty for none.</summary>
    public string Format(DateTimeOffset? moment) =>
        moment is { } m ? TimeZoneInfo.ConvertTime(m, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>Today's date in the hotline's time zone.</summary>
    public DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), _zone).DateTime);

    /// <summary>The time left until <paramref name="deadline"/> or past it, e.g. 剩余 2天3小时 / 已超期 5小时.</summary>
    public string Countdown(DateTimeOffset? deadline)
    {
        if (deadline is not { } d)
            return "";
        var left = d - clock.GetUtcNow();
        return $"{Texts.T(left < TimeSpan.Zero ? "overdueBy" : "remaining")} {Span(left.Duration())}";
    }

    /// <summary>How long since <paramref name="since"/>, e.g. 2天3小时.</summary>
    public string Elapsed(DateTimeOffset since) => Span((clock.GetUtcNow() - since).Duration());

    private static string Span(TimeSpan span) => span.TotalDays >= 1
        ? $"{(int)span.TotalDays}{Texts.T("days")}{span.Hours}{Texts.T("hours")}"
        : span.TotalHours >= 1 ? $"{(int)span.TotalHours}{Texts.T("hours")}{span.Minutes}{Texts.T("minutes")}" : $"{span.Minutes}{Texts.T("minutes")}";
}
