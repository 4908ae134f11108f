namespace Hotline.Domain.Escalation;

/// <summary>A step of the supervision ladder, as <c>Hotline.RecordEscalation</c> records it.</summary>
public enum EscalationStep
{
    /// <summary>黄牌预警: the deadline is near.</summary>
    Yellow,

    /// <summary>红牌: the case is overdue.</summary>
    Red,

    /// <summary>提级督办: a letter to the handling unit's head.</summary>
    Level1,

    /// <summary>The government inspection office's 13710 special supervision.</summary>
    Level2,

    /// <summary>领导包案: a city leader takes the case.</summary>
    Level3,

    /// <summary>A checkpoint of the supervision track (13710: same day, 3 days, 7 days, 1 month).</summary>
    Checkpoint,

    /// <summary>A checkpoint passed without the lead unit's progress report (逾期未反馈进展).</summary>
    ReportMissed,
}
