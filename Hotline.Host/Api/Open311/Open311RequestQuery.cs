using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotline.Host.Api.Open311;

/// <summary>
/// The filters of <c>GET requests</c>: <c>service_request_id</c> (a comma list that overrides every other filter),
/// <c>service_code</c>, <c>start_date</c>/<c>end_date</c> on the requested time (at most 90 days apart; the last 90 days
/// by default) and <c>status</c>; at most <see cref="MaxResults"/> requests, newest first.
/// </summary>
/// <param name="ServiceRequestIds">Case numbers; when any are given, the other filters do not apply.</param>
/// <param name="ServiceCodes">Subject codes; empty for all.</param>
/// <param name="From">Earliest registration time, included.</param>
/// <param name="To">Latest registration time, included.</param>
/// <param name="Open">True for open requests only, false for closed only, null for both.</param>
public sealed partial record Open311RequestQuery(IReadOnlyList<string> ServiceRequestIds, IReadOnlyList<string> ServiceCodes, DateTimeOffset From, DateTimeOffset To, bool? Open)
{
    /// <summary>The most requests one query answers (the spec's default cap).</summary>
    public const int MaxResults = 1000;

    /// <summary>The longest <c>start_date</c>–<c>end_date</c> span, and the default window.</summary>
    public static TimeSpan MaxSpan { get; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Reads the filters; dates without an offset are in the hotline's zone, a date without a time is the start of that
    /// day (for <c>end_date</c>, its end).
    /// </summary>
    public static (Open311RequestQuery? Query, IReadOnlyList<string> Errors) Parse(IQueryCollection query, DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(zone);
        var errors = new List<string>();
        // PostgreSQL cannot store or compare text with a NUL character.
        errors.AddRange(query.Where(q => q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true))
            .Select(q => $"{q.Key.Replace("\0", "", StringComparison.Ordinal)}: the value may not contain the NUL character."));
        if (errors.Count > 0)
            return (null, errors);
        var ids = List(query["service_request_id"]);
        if (ids.Count > MaxResults)
            errors.Add($"service_request_id: at most {MaxResults} ids.");
        if (ids.Any(id => id.Length > Api.InputLimits.MaxValueLength))
            errors.Add($"service_request_id: an id has at most {Api.InputLimits.MaxValueLength} characters.");
        var codes = List(query["service_code"]);
        if (codes.Any(code => code.Length > Api.InputLimits.MaxValueLength))
            errors.Add($"service_code: a code has at most {Api.InputLimits.MaxValueLength} characters.");

        bool? open = null;
        var statuses = List(query["status"]);
        foreach (var status in statuses.Where(s => !IsStatus(s, "open") && !IsStatus(s, "closed")))
            errors.Add($"status: '{status}' is not open or closed.");
        var wantsOpen = statuses.Any(s => IsStatus(s, "open"));
        var wantsClosed = statuses.Any(s => IsStatus(s, "closed"));
        if (wantsOpen != wantsClosed)
            open = wantsOpen;

        var start = Time(query, "start_date", zone, endOfDay: false, errors);
        var end = Time(query, "end_date", zone, endOfDay: true, errors);
        var (from, to) = (start, end) switch
        {
            ({ } s, { } e) => (s, e),
            ({ } s, null) => (s, s + MaxSpan),
            (null, { } e) => (e - MaxSpan, e),
            _ => (now - MaxSpan, now),
        };
        if (start is not null && end is not null)
        {
            if (to < from)
                errors.Add("end_date: before start_date.");
            else if (to - from > MaxSpan)
                errors.Add($"start_date/end_date: more than {MaxSpan.TotalDays:0} days apart ({(to - from).TotalDays:0.#} days).");
        }

        return errors.Count > 0 ? (null, errors) : (new Open311RequestQuery(ids, codes, from, to, open), errors);
    }

    /// <summary>
    /// An ISO 8601 date or date-time. A '+' before the offset that arrived as a space (an unencoded query string) is
    /// read as '+'.
    /// </summary>
    public static bool TryParseTime(string text, TimeZoneInfo zone, bool endOfDay, out DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        value = default;
        text = UnencodedPlus().Replace(text.Trim(), "$1+$2");
        if (!IsoDateTime().IsMatch(text))
            return false;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (!Api.InputLimits.InRange(date))
                return false;
            var local = date.ToDateTime(TimeOnly.MinValue);
            if (endOfDay)
                local = local.AddDays(1);
            value = new DateTimeOffset(local, zone.GetUtcOffset(local));
            if (endOfDay)
                value = value.AddTicks(-1);
            return true;
        }

        if (text.EndsWith('Z') || HasOffset().IsMatch(text))
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value) && Api.InputLimits.InRange(value);
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var unspecified) || unspecified.Year is < Api.InputLimits.MinYear or > Api.InputLimits.MaxYear)
            return false;
        value = new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
        return true;
    }

    private static bool IsStatus(string text, string status) => string.Equals(text, status, StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset? Time(IQueryCollection query, string name, TimeZoneInfo zone, bool endOfDay, List<string> errors)
    {
        var text = query[name].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(text))
            return null;
        if (TryParseTime(text, zone, endOfDay, out var value))
            return value;
        errors.Add($"{name}: '{text}' is not an ISO 8601 date-time (2026-03-02T09:00:00+08:00) from {Api.InputLimits.MinYear} to {Api.InputLimits.MaxYear}.");
        return null;
    }

    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}(?::?\d{2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex UnencodedPlus();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDateTime();

    [GeneratedRegex(@"[+-]\d{2}(?::?\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex HasOffset();
}
