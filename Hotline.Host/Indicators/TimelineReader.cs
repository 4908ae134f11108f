using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Indicators;

/// <summary>A timeline event as the indicators read it, with its data parsed on first use.</summary>
internal sealed class TimelineEvent(Guid caseId, int sequence, CaseEventKind kind, DateTimeOffset at, string? data)
{
    private JsonObject? _data;
    private bool _parsed;

    public Guid CaseId => caseId;

    public int Sequence => sequence;

    public CaseEventKind Kind => kind;

    public DateTimeOffset At => at;

    /// <summary>A text field of the data; null when missing or not text.</summary>
    public string? Text(string name) =>
        Data?[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    /// <summary>A true/false field of the data; null when missing or not a boolean.</summary>
    public bool? Flag(string name) =>
        Data?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    /// <summary>A moment field of the data (ISO 8601); null when missing or not a moment.</summary>
    public DateTimeOffset? Moment(string name) =>
        Text(name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.ToUniversalTime()
            : null;

    private JsonObject? Data
    {
        get
        {
            if (_parsed)
                return _data;
            _parsed = true;
            try
            {
                _data = data is null ? null : JsonNode.Parse(data) as JsonObject;
            }
            catch (JsonException)
            {
                // An event whose data is not a JSON object counts as one without data: indicators never fail on one bad row.
                _data = null;
            }

            return _data;
        }
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
        CaseEventKind.Dispatched => e.Text("leadUnitCode"),
        CaseEventKind.SubDispatched => e.Text("unitCode"),
        _ => null,
    };

    /// <summary>The deadline an event sets (<c>DeadlineSet</c>, <c>ExtensionApproved</c>); null for other events.</summary>
    public static DateTimeOffset? DeadlineOf(TimelineEvent e) =>
        e.Kind is CaseEventKind.DeadlineSet or CaseEventKind.ExtensionApproved ? e.Moment("deadlineAt") : null;
}
