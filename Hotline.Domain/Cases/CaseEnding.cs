using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>Ending a case without answering it: voided (作废) or merged into another case (并案).</summary>
public sealed partial class Case
{
    /// <summary>作废: a test call or a hang-up. The case ends here; no reply, no callback, and no indicator counts it.</summary>
    public void Void(string reason, CaseActor actor, DateTimeOffset at)
    {
        EnsureOpen();
        Status = CaseStatus.Voided;
        ClosedAt = at.ToUniversalTime();
        Record(CaseEventKind.Voided, actor, at, new VoidedData(reason));
    }

    /// <summary>
    /// 并案: this case repeats <paramref name="into"/>, which answers for both. This case ends as
    /// <see cref="CaseStatus.Merged"/>; the two are linked both ways, and this case's caller is added to
    /// <paramref name="into"/>'s <see cref="MergedCallers"/> so that its one reply and one callback cover them.
    /// </summary>
    /// <exception cref="InvalidOperationException">The same case, or either case is no longer open.</exception>
    public void MergeInto(Case into, string reason, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (into.Id == Id)
            throw new InvalidOperationException("A case cannot be merged into itself.");
        EnsureOpen();
        into.EnsureOpen();
        LinkDuplicate(into, actor, at);
        Status = CaseStatus.Merged;
        MergedIntoCaseId = into.Id;
        ClosedAt = at.ToUniversalTime();
        Record(CaseEventKind.Merged, actor, at, new MergedData(into.Id, into.Number, reason));
        if (!string.IsNullOrEmpty(CitizenPhone) || !string.IsNullOrEmpty(CitizenName))
            into.MergedCallers = [.. into.MergedCallers, new MergedCaller(Id, Number, CitizenName, CitizenPhone)];
        into.Record(CaseEventKind.MergeReceived, actor, at, new MergeReceivedData(Id, Number, reason));
    }

    /// <exception cref="InvalidOperationException">The case has ended.</exception>
    private void EnsureOpen()
    {
        if (!IsOpen)
            throw new InvalidOperationException($"Case {Number} is {Status}.");
    }
}

/// <summary>The caller of a case merged into another one (并案), whom the surviving case's reply and callback also answer.</summary>
/// <param name="CaseId">The merged case.</param>
/// <param name="Number">Its number.</param>
/// <param name="CitizenName">The caller's name as given.</param>
/// <param name="CitizenPhone">The caller's telephone, digits only.</param>
public sealed record MergedCaller(Guid CaseId, string Number, string? CitizenName, string? CitizenPhone);
