using System.Linq.Expressions;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Indicators;

/// <summary>A timeline event as the indicators read it, with its data read as its record on first use.</summary>
internal sealed class TimelineEvent(Guid caseId, int sequence, CaseEventKind kind, DateTimeOffset at, string? data)
{
    private object? _data;
    private Type? _read;

    public Guid CaseId => caseId;

    public int Sequence => sequence;

    public CaseEventKind Kind => kind;

    public DateTimeOffset At => at;

    /// <summary>The event's data as <typeparamref name="T"/> (<see cref="CaseEventData"/>); null when there is none or it has another shape, so indicators never fail on one bad row.</summary>
    public T? Data<T>() where T : class
    {
        if (_read != typeof(T))
            (_data, _read) = (CaseEventData.Read<T>(data), typeof(T));
        return _data as T;
    }
}

/// <summary>
/// The two ways the indicators read the timeline, both shaped for an index: the events of given kinds in a time range
/// (the <c>(Kind, At)</c> index, one range per kind), and the events of given cases (the <c>(CaseId, Sequence)</c> key).
/// </summary>
internal static class TimelineReader
{
    /// <summary>How many case ids one query names; keeps the statement and its parameters small on both providers.</summary>
    private const int CaseChunk = 500;

    /// <summary>The events of <paramref name="kinds"/> with <c>from ≤ At &lt; to</c> (UTC).</summary>
    public static async Task<List<TimelineEvent>> InRangeAsync(HotlineDbContext db, IEnumerable<CaseEventKind> kinds, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var events = new List<TimelineEvent>();
        foreach (var kind in kinds.Distinct())
        {
            // One query per kind: an equality on Kind and a range on At read exactly one range of the (Kind, At) index.
            var rows = await db.CaseEvents.AsNoTracking()
                .Where(e => e.Kind == kind && e.At >= from && e.At < to)
                .Select(e => new { e.CaseId, e.Sequence, e.At, e.Data })
                .ToListAsync(cancellationToken);
            events.AddRange(rows.Select(r => new TimelineEvent(r.CaseId, r.Sequence, kind, r.At, r.Data)));
        }

        return events;
    }

    /// <summary>The events of <paramref name="kinds"/> of the cases <paramref name="caseIds"/> with <c>At &lt; before</c>.</summary>
    public static async Task<List<TimelineEvent>> OfCasesAsync(HotlineDbContext db, IEnumerable<Guid> caseIds, IReadOnlyCollection<CaseEventKind> kinds, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var events = new List<TimelineEvent>();
        var kindList = kinds.Distinct().ToList();
        foreach (var chunk in caseIds.Distinct().Chunk(CaseChunk))
        {
            var rows = await db.CaseEvents.AsNoTracking()
                .Where(e => chunk.Contains(e.CaseId) && e.At < before && kindList.Contains(e.Kind))
                .Select(e => new { e.CaseId, e.Sequence, e.Kind, e.At, e.Data })
                .ToListAsync(cancellationToken);
            events.AddRange(rows.Select(r => new TimelineEvent(r.CaseId, r.Sequence, r.Kind, r.At, r.Data)));
        }

        return events;
    }

    /// <summary>
    /// Whether indicators count a case: a voided case (作废: a test call, a hang-up) counts nowhere, and a case merged
    /// into another (并案) is counted once, as the case that answered it.
    /// </summary>
    public static Expression<Func<Case, bool>> Counted { get; } = c => c.Status != CaseStatus.Voided && c.Status != CaseStatus.Merged;

    /// <summary>
    /// The cases of <paramref name="caseIds"/> that indicators count (<see cref="Counted"/>), and with
    /// <paramref name="districtCode"/> only those of that district (a sub-centre's figures count its district's cases only).
    /// </summary>
    public static async Task<HashSet<Guid>> CountedAsync(HotlineDbContext db, IEnumerable<Guid> caseIds, string? districtCode, CancellationToken cancellationToken)
    {
        var counted = new HashSet<Guid>();
        foreach (var chunk in caseIds.Distinct().Chunk(CaseChunk))
        {
            var cases = db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Where(Counted);
            if (districtCode is not null)
                cases = cases.Where(c => c.DistrictCode == districtCode);
            counted.UnionWith(await cases.Select(c => c.Id).ToListAsync(cancellationToken));
        }

        return counted;
    }

    /// <summary>The cases of <paramref name="caseIds"/> that indicators count (<see cref="Counted"/>), each with its district.</summary>
    public static async Task<Dictionary<Guid, string?>> CountedDistrictsAsync(HotlineDbContext db, IEnumerable<Guid> caseIds, CancellationToken cancellationToken)
    {
        var counted = new Dictionary<Guid, string?>();
        foreach (var chunk in caseIds.Distinct().Chunk(CaseChunk))
        {
            foreach (var c in await db.Cases.AsNoTracking().Where(c => chunk.Contains(c.Id)).Where(Counted).Select(c => new { c.Id, c.DistrictCode }).ToListAsync(cancellationToken))
                counted[c.Id] = c.DistrictCode;
        }

        return counted;
    }

    /// <summary>The events grouped by case, each case's in timeline order (by sequence; events of one burst share a time).</summary>
    public static Dictionary<Guid, List<TimelineEvent>> ByCase(IEnumerable<TimelineEvent> events)
    {
        var byCase = new Dictionary<Guid, List<TimelineEvent>>();
        foreach (var e in events)
        {
            if (!byCase.TryGetValue(e.CaseId, out var list))
                byCase[e.CaseId] = list = [];
            list.Add(e);
        }

        foreach (var list in byCase.Values)
        {
            list.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
            // The same event can be read twice (by kind and by case); keep one.
            for (var i = list.Count - 1; i > 0; i--)
            {
                if (list[i].Sequence == list[i - 1].Sequence)
                    list.RemoveAt(i);
            }
        }

        return byCase;
    }

    /// <summary>The unit an event moves the case to: the <c>leadUnitCode</c> of a dispatch, the <c>unitCode</c> of a sub-dispatch.</summary>
    public static string? DispatchedUnit(TimelineEvent e) => e.Kind switch
    {
        CaseEventKind.Dispatched => e.Data<DispatchedData>()?.LeadUnitCode is { Length: > 0 } lead ? lead : null,
        CaseEventKind.SubDispatched => e.Data<SubDispatchedData>()?.UnitCode is { Length: > 0 } unit ? unit : null,
        _ => null,
    };

    /// <summary>The deadline an event sets (<c>DeadlineSet</c>, <c>ExtensionApproved</c>); null for other events.</summary>
    public static DateTimeOffset? DeadlineOf(TimelineEvent e) =>
        e.Kind switch
        {
            CaseEventKind.DeadlineSet => Moment(e.Data<DeadlineSetData>()?.DeadlineAt),
            CaseEventKind.ExtensionApproved => Moment(e.Data<ExtensionApprovedData>()?.DeadlineAt),
            _ => null,
        };

    // An event without the field reads as the default moment: no deadline.
    private static DateTimeOffset? Moment(DateTimeOffset? at) => at is { } moment && moment != default ? moment.ToUniversalTime() : null;
}
