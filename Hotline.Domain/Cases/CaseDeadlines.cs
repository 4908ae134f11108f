using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Cases;

/// <summary>A case's deadline: set by a rule, moved by an approved extension, recomputed when a calendar year is loaded.</summary>
public sealed partial class Case
{
    /// <summary>The longest extension (延期) one approval may grant, in working days.</summary>
    public const int MaxExtensionDays = 60;

    /// <summary>Sets the deadline a rule chose (<paramref name="reason"/>: dispatch, rehandle, reclassify) and freezes the rule.</summary>
    public void SetDeadline(DateTimeOffset deadline, bool provisional, DeadlineRuleSnapshot rule, string reason, string? ruleName, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rule);
        DeadlineAt = deadline;
        IsDeadlineProvisional = provisional;
        DeadlineRule = rule;
        Record(CaseEventKind.DeadlineSet, CaseActor.System, at, new DeadlineSetData(reason, DeadlineAt!.Value, provisional)
        {
            Rule = ruleName,
            RuleDefinitionId = rule.DefinitionId,
            RuleVersion = rule.DefinitionVersion,
            Limit = rule.Limit,
            Unit = rule.Unit,
        });
    }

    /// <summary>延期: an approved extension moves the deadline; a yellow warning (the deadline was near) is cleared.</summary>
    public void ExtendDeadline(int days, DateTimeOffset deadline, bool provisional, DateTimeOffset at)
    {
        var previous = DeadlineAt;
        DeadlineAt = deadline;
        IsDeadlineProvisional = provisional;
        ExtensionPending = false;
        if (Warning == WarningLevel.Yellow)
            Warning = WarningLevel.None;
        Record(CaseEventKind.ExtensionApproved, CaseActor.System, at, new ExtensionApprovedData(days, previous, DeadlineAt!.Value, provisional));
    }

    /// <summary>A provisional deadline counted again once the calendar of <paramref name="year"/> was loaded.</summary>
    public void RecomputeDeadline(string reason, int year, DateTimeOffset deadline, bool provisional, DateTimeOffset at)
    {
        var previous = DeadlineAt;
        DeadlineAt = deadline;
        IsDeadlineProvisional = provisional;
        Record(CaseEventKind.DeadlineSet, CaseActor.System, at, new DeadlineSetData(reason, DeadlineAt!.Value, provisional) { Year = year, PreviousDeadlineAt = previous });
    }
}
