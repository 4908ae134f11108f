using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;

namespace Hotline.Domain.Indicators;

/// <summary>The tallies of a period: the city's (or a district's) and each unit's with something counted.</summary>
/// <param name="City">The whole city's, or the district's.</param>
/// <param name="Units">Each unit's, by code.</param>
internal sealed record IndicatorTallies(IndicatorCounts City, Dictionary<string, IndicatorCounts> Units)
{
    /// <summary>The kinds counted or followed in the period.</summary>
    internal static readonly CaseEventKind[] PeriodKinds =
    [
        CaseEventKind.Registered, CaseEventKind.AnsweredFromKnowledgeBase, CaseEventKind.Closed, CaseEventKind.Dispatched,
        CaseEventKind.SubDispatched, CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved, CaseEventKind.Returned,
        CaseEventKind.AnswerSubmitted, CaseEventKind.SignedFor, CaseEventKind.Replied, CaseEventKind.CallbackRecorded,
        CaseEventKind.Reopened, CaseEventKind.CitizenRated,
    ];

    /// <summary>The kinds read before the period: they decide the lead unit and the deadline in force.</summary>
    private static readonly CaseEventKind[] StateKinds =
        [CaseEventKind.Dispatched, CaseEventKind.SubDispatched, CaseEventKind.DeadlineSet, CaseEventKind.ExtensionApproved];

    /// <summary>
    /// The tallies of [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) for each of <paramref name="districts"/>
    /// (null: the whole city), from one reading of the timeline: the events of the counted kinds in the period, one
    /// <c>(Kind, At)</c> index range per kind; then, for the cases registered before the period, their earlier dispatches
    /// and deadlines through the case key (the lead unit and the deadline in force are often set before the period
    /// starts). Voided and merged cases count nowhere; a district's tallies count its cases only.
    /// </summary>
    public static async Task<Dictionary<string, IndicatorTallies>> ComputeAsync(
        HotlineDbContext db, DateTimeOffset fromUtc, DateTimeOffset toUtc, IReadOnlyCollection<string?> districts, CancellationToken cancellationToken)
    {
        var events = await TimelineReader.InRangeAsync(db, PeriodKinds, fromUtc, toUtc, cancellationToken);
        var counted = await TimelineReader.CountedDistrictsAsync(db, events.Select(e => e.CaseId), cancellationToken);
        var wanted = districts.Where(d => !string.IsNullOrEmpty(d)).ToHashSet(StringComparer.Ordinal);
        var everyDistrict = districts.Any(string.IsNullOrEmpty);
        events.RemoveAll(e => !counted.TryGetValue(e.CaseId, out var district) || !(everyDistrict || (district is not null && wanted.Contains(district))));

        var registeredHere = events.Where(e => e.Kind == CaseEventKind.Registered).Select(e => e.CaseId).ToHashSet();
        var older = events.Select(e => e.CaseId).Where(id => !registeredHere.Contains(id)).Distinct().ToList();
        events.AddRange(await TimelineReader.OfCasesAsync(db, older, StateKinds, fromUtc, cancellationToken));

        var tallies = districts.Select(Key).Distinct().ToDictionary(k => k, _ => new IndicatorTallies(new IndicatorCounts(), new Dictionary<string, IndicatorCounts>(StringComparer.Ordinal)), StringComparer.Ordinal);
        foreach (var (caseId, timeline) in TimelineReader.ByCase(events))
        {
            if (everyDistrict)
                tallies[""].Add(timeline, fromUtc);
            // An empty district is no district: the city's key is empty, and the case counts there once.
            if (counted[caseId] is { Length: > 0 } district && tallies.TryGetValue(district, out var ofDistrict))
                ofDistrict.Add(timeline, fromUtc);
        }

        return tallies;
    }

    /// <summary>The key of a district's tallies: its code, or empty for the whole city.</summary>
    public static string Key(string? districtCode) => string.IsNullOrEmpty(districtCode) ? "" : districtCode;

    private void Add(List<TimelineEvent> timeline, DateTimeOffset fromUtc) => CaseIndicatorWalk.Add(timeline, fromUtc, City, Units);
}
