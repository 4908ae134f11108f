using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>A case's way from registration to closing (受理, 派单, 答复, 办结, 重办).</summary>
public sealed partial class Case
{
    /// <summary>受理: a new case from a checked request, numbered, with its <see cref="CaseEventKind.Registered"/> event by <paramref name="actor"/>.</summary>
    public static Case Register(NewCase request, string number, string? workflowInstanceId, CaseActor actor, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(request);
        var @case = new Case
        {
            Id = Guid.CreateVersion7(at),
            Number = number,
            Channel = request.Channel,
            CitizenName = request.CitizenName,
            CitizenPhone = request.CitizenPhone,
            Address = request.Address,
            AddressKey = Cases.AddressKey.Normalize(request.Address),
            DistrictCode = request.DistrictCode,
            Content = request.Content,
            Type = request.Type,
            SubjectCode = request.SubjectCode,
            Urgency = request.Urgency,
            Status = CaseStatus.Registered,
            WorkflowInstanceId = workflowInstanceId,
            SubmittedBy = request.SubmittedBy,
            CreatedAt = at.ToUniversalTime(),
            UpdatedAt = at.ToUniversalTime(),
        };
        @case.Record(CaseEventKind.Registered, actor, at, new RegisteredData(@case.Channel, @case.Type, @case.SubjectCode, @case.Urgency, @case.SubmittedBy));
        return @case;
    }

    /// <summary>直接办结: answered at once with a knowledge-base article; the case needs no unit.</summary>
    public void AnswerDirectly(string articleId, string title, DateTimeOffset at)
    {
        Status = CaseStatus.AnsweredDirectly;
        ClosedAt = at.ToUniversalTime();
        Record(CaseEventKind.AnsweredFromKnowledgeBase, CaseActor.System, at, new AnsweredFromKnowledgeBaseData(articleId, title));
    }

    /// <summary>按责转办: a routing rule chose the lead and assisting units.</summary>
    public void Route(string leadUnitCode, IReadOnlyList<string> assistingUnitCodes, string? rule, string? matchedSubjectCode, string? explanation, DateTimeOffset at)
    {
        LeadUnitCode = leadUnitCode;
        AssistingUnitCodes = [.. assistingUnitCodes];
        Status = CaseStatus.Dispatched;
        Record(CaseEventKind.Dispatched, CaseActor.System, at, new DispatchedData(leadUnitCode, AssistingUnitCodes, DeadlineAt)
        {
            Rule = rule,
            MatchedSubjectCode = matchedSubjectCode,
            Explanation = explanation,
        });
    }

    /// <summary>派单: the centre makes a unit the lead unit (from the dispatch desk, or again after accepting a return).</summary>
    public void Dispatch(string unitCode, string? note, DateTimeOffset at)
    {
        var previous = LeadUnitCode;
        LeadUnitCode = unitCode;
        Status = CaseStatus.Dispatched;
        Record(CaseEventKind.Dispatched, CaseActor.System, at, new DispatchedData(unitCode, AssistingUnitCodes, DeadlineAt) { PreviousUnitCode = previous, Note = note });
    }

    /// <summary>二级派单: the lead unit passes the case to one of its subordinate units, which becomes the lead unit.</summary>
    public void SubDispatch(string unitCode, string? note, DateTimeOffset at)
    {
        var previous = LeadUnitCode;
        LeadUnitCode = unitCode;
        Status = CaseStatus.Dispatched;
        Record(CaseEventKind.SubDispatched, previous is null ? CaseActor.System : CaseActor.Unit(previous, previous), at, new SubDispatchedData(previous, unitCode, note));
    }

    /// <summary>答复: the citizen was given the accepted answer; the case waits for its callback.</summary>
    public void Reply(string text, string channel, DateTimeOffset at)
    {
        Status = CaseStatus.AwaitingCallback;
        Record(CaseEventKind.Replied, CaseActor.System, at, new RepliedData(text, channel));
    }

    /// <summary>办结: closed with the callback's result.</summary>
    public void Close(string? result, bool? resolved, DateTimeOffset at)
    {
        Status = CaseStatus.Closed;
        ClosedAt = at.ToUniversalTime();
        Record(CaseEventKind.Closed, CaseActor.System, at, new ClosedData(result, resolved, ReopenCount));
    }

    /// <summary>
    /// 重办: back to the lead unit for another round after an unsatisfied callback. The round is counted and the previous
    /// round's warning and escalation level are cleared: the new round gets its own deadline and ladder.
    /// </summary>
    public void Reopen(string? reason, DateTimeOffset at)
    {
        ReopenCount++;
        Record(CaseEventKind.Reopened, CaseActor.System, at, new ReopenedData(ReopenCount, reason, LeadUnitCode, Warning, EscalationLevel));
        Status = CaseStatus.Dispatched;
        // A closed case sent back by a failed quality check (查工单) is open again.
        ClosedAt = null;
        Warning = WarningLevel.None;
        EscalationLevel = 0;
    }
}
