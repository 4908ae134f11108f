namespace Hotline.Domain.Escalation;

/// <summary>
/// The outcomes of the 13710 supervision item's tasks as the ladder's graph (<c>escalation-13710</c>) connects them: the
/// lead unit's progress report (<c>progress-report</c> task) and the supervisor's decision after it (<c>supervise</c> task).
/// </summary>
public static class SupervisionDecisions
{
    /// <summary>The unit filed its progress report (进展反馈).</summary>
    public const string Reported = "Reported";

    /// <summary>销号: the supervisor closes the supervision item; the ladder stops.</summary>
    public const string Close = "Closed";

    /// <summary>保留督办: the item stays open, with an instruction (督办意见) to the unit.</summary>
    public const string Keep = "Kept";

    /// <summary>
    /// The supervision desk's inbox code the shipped ladder gives the <c>supervise</c> task (督办销号): supervisors and
    /// leaders get its notifications.
    /// </summary>
    public const string DeskCode = "RX-DB";

    /// <summary>The longest progress report, note or instruction.</summary>
    public const int MaxTextLength = 1000;
}
