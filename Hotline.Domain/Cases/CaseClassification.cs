using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>The dispatcher's corrections while a case is handled: its category (改类), its complexity (疑难复杂), its unit (改派).</summary>
public sealed partial class Case
{
    /// <summary>The most working days a complex case (疑难复杂) may be given.</summary>
    public const int MaxComplexWorkingDays = 15;

    /// <summary>分类: the type and/or subject changed; the caller recomputes the deadline from the category rule.</summary>
    public void Reclassify(CaseType? type, string? subjectCode, string reason, CaseActor actor, DateTimeOffset at)
    {
        EnsureOpen();
        var data = new ClassifiedData(Type, type ?? Type, SubjectCode, subjectCode ?? SubjectCode, reason);
        Type = data.Type;
        SubjectCode = data.SubjectCode;
        Record(CaseEventKind.Classified, actor, at, data);
    }

    /// <summary>疑难复杂: marks the case complex with <paramref name="workingDays"/> (null: the rule's default); the caller recomputes the deadline.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Working days outside 1–<see cref="MaxComplexWorkingDays"/>.</exception>
    public void MarkComplex(int? workingDays, string reason, CaseActor actor, DateTimeOffset at)
    {
        if (workingDays is < 1 or > MaxComplexWorkingDays)
            throw new ArgumentOutOfRangeException(nameof(workingDays), workingDays, $"A complex case gets 1 to {MaxComplexWorkingDays} working days.");
        EnsureOpen();
        IsComplex = true;
        ComplexWorkingDays = workingDays;
        Record(CaseEventKind.MarkedComplex, actor, at, new MarkedComplexData(reason, workingDays));
    }

    /// <summary>改派: the centre takes the lead unit's task away and gives it to <paramref name="unitCode"/>.</summary>
    public void Reassign(string unitCode, string? reason, CaseActor actor, DateTimeOffset at)
    {
        var previous = LeadUnitCode;
        LeadUnitCode = unitCode;
        Status = CaseStatus.Dispatched;
        Record(CaseEventKind.Reassigned, actor, at, new ReassignedData(previous, unitCode, reason));
    }
}
