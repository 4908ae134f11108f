using System.Text.Json.Serialization;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>How a case records what happens to it: every change comes with one timeline event.</summary>
public sealed partial class Case
{
    /// <summary>
    /// The events recorded on this copy of the case and not saved yet (a loaded case does not load its timeline); the
    /// context that tracks the case inserts them with it.
    /// </summary>
    [JsonIgnore]
    public List<CaseEvent> Events { get; private set; } = [];

    /// <summary>
    /// Appends an event after the case's last one, marks the case changed at <paramref name="at"/> and advances
    /// <see cref="Version"/>, so two writers that change the case from the same version cannot both save.
    /// </summary>
    public CaseEvent Record<TData>(CaseEventKind kind, CaseActor actor, DateTimeOffset at, TData? data) where TData : class
    {
        ArgumentNullException.ThrowIfNull(actor);
        var utc = at.ToUniversalTime();
        LastEventSequence++;
        UpdatedAt = utc;
        Version++;
        var @event = new CaseEvent
        {
            CaseId = Id,
            Sequence = LastEventSequence,
            At = utc,
            ActorKind = actor.Kind,
            ActorId = actor.Id,
            ActorName = actor.DisplayName,
            Kind = kind,
            Data = data is null ? null : data as string ?? CaseEventData.Write(data),
        };
        Events.Add(@event);
        return @event;
    }

    /// <summary>Appends an event without data; see <see cref="Record{TData}"/>.</summary>
    public CaseEvent Record(CaseEventKind kind, CaseActor actor, DateTimeOffset at) => Record<object>(kind, actor, at, null);

    /// <summary>Links this case and <paramref name="other"/> as duplicates (重复诉求), both ways, unless they are linked already.</summary>
    public void LinkDuplicate(Case other, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Id == Id || LinkedCaseIds.Contains(other.Id))
            return;
        LinkedCaseIds = [.. LinkedCaseIds, other.Id];
        other.LinkedCaseIds = [.. other.LinkedCaseIds, Id];
        Record(CaseEventKind.DuplicateLinked, actor, at, new DuplicateLinkedData(other.Id, other.Number, "duplicateOf"));
        other.Record(CaseEventKind.DuplicateLinked, actor, at, new DuplicateLinkedData(Id, Number, "duplicatedBy"));
    }
}
