using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;

namespace Hotline.Host.Api;

/// <summary>
/// The filters of a case list, as <c>GET /api/cases</c> and the workbench's <c>/cases</c> page take them from a query
/// string (the same names): status, type, channel, subjectCode, districtCode, unitCode (the lead unit), from and to
/// (local dates of registration, both included), overdue (open and past the deadline now). One parser and one query for
/// both, so a chart's link and the API always list the same cases.
/// </summary>
internal sealed record CaseListFilter(
    CaseStatus? Status, CaseType? Type, CaseChannel? Channel, string? SubjectCode, string? DistrictCode, string? UnitCode, DateOnly? From, DateOnly? To, bool? Overdue)
{
    /// <summary>The filters read from <paramref name="value"/> (a query string's first value by name); a bad value is named in <paramref name="errors"/>.</summary>
    public static CaseListFilter Parse(Func<string, string?> value, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        var from = InputLimits.Date(value("from"), "from", errors);
        var to = InputLimits.Date(value("to"), "to", errors);
        if (from is not null && to is not null && from > to)
            errors["from"] = ["'from' is after 'to'."];
        return new(
            CasesApi.Enum<CaseStatus>(value("status"), "status", errors), CasesApi.Enum<CaseType>(value("type"), "type", errors),
            CasesApi.Enum<CaseChannel>(value("channel"), "channel", errors), Code(value("subjectCode")), Code(value("districtCode")), Code(value("unitCode")),
            from, to, CasesApi.Bool(value("overdue"), "overdue", errors));
    }

    /// <summary>The cases of <paramref name="query"/> these filters keep.</summary>
    public async Task<IQueryable<Case>> ApplyAsync(IQueryable<Case> query, CalendarService calendars, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (Status is not null)
            query = query.Where(c => c.Status == Status);
        if (Type is not null)
            query = query.Where(c => c.Type == Type);
        if (Channel is not null)
            query = query.Where(c => c.Channel == Channel);
        if (SubjectCode is { } subject)
            query = query.Where(c => c.SubjectCode == subject);
        if (DistrictCode is { } district)
            query = query.Where(c => c.DistrictCode == district);
        if (UnitCode is { } leadUnit)
            query = query.Where(c => c.LeadUnitCode == leadUnit);
        var (start, end) = await CasesApi.DayRangeAsync(calendars, From, To, cancellationToken);
        if (start is not null)
            query = query.Where(c => c.CreatedAt >= start);
        if (end is not null)
            query = query.Where(c => c.CreatedAt < end);
        if (Overdue == true)
        {
            var now = clock.GetUtcNow();
            query = query.Where(Case.Open).Where(c => c.DeadlineAt < now);
        }

        return query;
    }

    private static string? Code(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
