namespace Hotline.Domain.Cases;

/// <summary>How a case reached the hotline (受理渠道).</summary>
public enum CaseChannel
{
    /// <summary>A call to 12345 (电话).</summary>
    Phone,

    /// <summary>The web portal (网站).</summary>
    Web,

    /// <summary>A text message (短信).</summary>
    Sms,

    /// <summary>The WeChat account or mini program (微信).</summary>
    WeChat,

    /// <summary>The mobile app (APP).</summary>
    App,

    /// <summary>The mayor's mailbox (市长信箱).</summary>
    MayorMailbox,

    /// <summary>A work order from the provincial platform (省派工单).</summary>
    ProvincialPlatform,

    /// <summary>A non-police matter transferred by 110 (110 非警务警情转办).</summary>
    PoliceTransfer,
}

/// <summary>What the citizen wants (诉求类型); the category deadlines are keyed by it.</summary>
public enum CaseType
{
    /// <summary>咨询: a question, often answered at once from the knowledge base.</summary>
    Consultation,

    /// <summary>求助: a request for help.</summary>
    Help,

    /// <summary>投诉: a complaint.</summary>
    Complaint,

    /// <summary>举报: a report of a violation.</summary>
    Report,

    /// <summary>建议: a suggestion.</summary>
    Suggestion,

    /// <summary>表扬: praise.</summary>
    Praise,
}

/// <summary>How urgent a case is.</summary>
public enum CaseUrgency
{
    /// <summary>一般.</summary>
    Normal,

    /// <summary>紧急: handled before normal cases, shorter limits.</summary>
    Urgent,

    /// <summary>特急 / 应急处突: handled immediately.</summary>
    Emergency,
}

/// <summary>
/// Where a case stands in its lifecycle (受理 → 转办 → 办理 → 答复 → 回访). Side conditions (warnings, escalation,
/// re-handling, extensions) are flags on <see cref="Case"/>, not states.
/// </summary>
public enum CaseStatus
{
    /// <summary>Registered (已受理), not yet answered or dispatched.</summary>
    Registered,

    /// <summary>Answered at once by the operator (直接办结); final.</summary>
    AnsweredDirectly,

    /// <summary>Dispatched to the lead unit (已派单), not yet signed for.</summary>
    Dispatched,

    /// <summary>Signed for and being handled by the lead unit (办理中).</summary>
    Handling,

    /// <summary>The unit submitted its answer; the centre checks it (待审核).</summary>
    AwaitingReview,

    /// <summary>The answer was accepted and the citizen answered (已答复).</summary>
    Replied,

    /// <summary>Waiting for the callback (待回访).</summary>
    AwaitingCallback,

    /// <summary>Closed (已办结); final.</summary>
    Closed,

    /// <summary>并案: merged into another case, which answers the citizen; final.</summary>
    Merged,

    /// <summary>作废: a test call or a hang-up, voided; final, and counted by no indicator.</summary>
    Voided,
}

/// <summary>The deadline warning a case carries (预警).</summary>
public enum WarningLevel
{
    /// <summary>No warning.</summary>
    None,

    /// <summary>黄牌: the deadline is near.</summary>
    Yellow,

    /// <summary>红牌: overdue.</summary>
    Red,
}

/// <summary>How a deadline limit is counted; every rule says which.</summary>
public enum DeadlineUnit
{
    /// <summary>Working days (工作日): counting starts the day after.</summary>
    WorkingDays,

    /// <summary>Calendar days (自然日).</summary>
    CalendarDays,

    /// <summary>Working hours (工作小时), within the configured working day.</summary>
    WorkingHours,

    /// <summary>Immediate (即时): emergencies.</summary>
    Immediate,
}

/// <summary>
/// The deadline rule a deadline was computed from, frozen on the case for audit: a later version of the
/// <c>category-deadlines</c> definition does not change what this case was held to.
/// </summary>
/// <param name="DefinitionId">The definition that chose the limit (<c>category-deadlines</c>).</param>
/// <param name="DefinitionVersion">The version of that definition that was run.</param>
/// <param name="Limit">The limit, in <paramref name="Unit"/>.</param>
/// <param name="Unit">Working days, calendar days, working hours or immediate.</param>
/// <param name="CountedFrom">The moment counting started from (dispatch, an approved extension, a re-handle).</param>
public sealed record DeadlineRuleSnapshot(string DefinitionId, int DefinitionVersion, int Limit, DeadlineUnit Unit, DateTimeOffset CountedFrom);
