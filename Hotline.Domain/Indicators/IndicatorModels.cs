namespace Hotline.Domain.Indicators;

/// <summary>One indicator: how many of how many, and the share.</summary>
/// <param name="Numerator">The cases or events that meet the indicator.</param>
/// <param name="Denominator">The cases or events it is measured against.</param>
/// <param name="Rate">Numerator ÷ denominator, rounded to 4 decimal places (0.8667 is 86.67 %); null when the denominator is 0.</param>
public sealed record Figure(int Numerator, int Denominator, double? Rate)
{
    /// <summary>The figure of <paramref name="numerator"/> out of <paramref name="denominator"/>.</summary>
    public static Figure Of(int numerator, int denominator) =>
        new(numerator, denominator, denominator == 0 ? null : Math.Round((double)numerator / denominator, 4, MidpointRounding.AwayFromZero));
}

/// <summary>
/// The eleven indicators of a period, city-wide or for one unit, computed from the case timeline only
/// (<see cref="IndicatorService"/> says how units and periods are attributed).
/// </summary>
/// <param name="OnTimeCompletion">
/// 按期办结率: of the answers units submitted (<c>AnswerSubmitted</c>) in the period — every submission, including a
/// resubmission after the centre sent an answer back and the answer of a re-handling round — the share submitted at or
/// before the deadline in force at that moment: the <c>deadlineAt</c> of the case's last <c>DeadlineSet</c> or
/// <c>ExtensionApproved</c> event before the submission, wherever it lies in time. An answer with no deadline in
/// force counts as on time.
/// </param>
/// <param name="Completion">
/// 办结率: city-wide, of the cases registered (<c>Registered</c>) in the period, the share closed (<c>Closed</c> or
/// <c>AnsweredFromKnowledgeBase</c>) before the period ends. For a unit, of the distinct cases dispatched to it
/// (<c>Dispatched</c> naming it as <c>leadUnitCode</c>, or <c>SubDispatched</c> naming it as <c>unitCode</c>) in
/// the period, the share closed before the period ends while it was still the case's lead unit.
/// </param>
/// <param name="Satisfaction">
/// 满意率: of the callbacks that reached the citizen (<c>CallbackRecorded</c>) in the period, the share with outcome
/// <c>Satisfied</c> or <c>BasicallySatisfied</c>. Every callback counts, the second one after re-handling too.
/// </param>
/// <param name="Resolution">解决率: of the same callbacks, the share with <c>resolved</c> = true.</param>
/// <param name="Callback">
/// 回访率: of the replies to citizens (<c>Replied</c>) in the period — each reply, so a case answered again after
/// re-handling counts twice — the share whose callback concluded before the next reply of the case and before the
/// period ends: the citizen was reached (<c>CallbackRecorded</c>) or every attempt failed and the case was closed as
/// unreachable (<c>Closed</c> with <c>result</c> = <c>Unreachable</c>).
/// </param>
/// <param name="TimelySignFor">
/// 签收及时率: of the sign-fors of handling tasks (<c>SignedFor</c> with <c>kind</c> = <c>Handle</c>) in the period,
/// the share with <c>onTime</c> = true (signed within the task's sign-for limit).
/// </param>
/// <param name="Return">
/// 退单率: of the dispatches (<c>Dispatched</c> and <c>SubDispatched</c> events) in the period, the share the receiving
/// unit returned (<c>Returned</c>) before the case's next dispatch and before the period ends. A dispatch counts once
/// however often it was returned (a rejected return and a second one are one returned dispatch).
/// </param>
/// <param name="Extension">
/// 延期率: of the same dispatches, the share during which an extension was approved (<c>ExtensionApproved</c>) before
/// the case's next dispatch and before the period ends; once per dispatch however many extensions were approved.
/// </param>
/// <param name="Rehandle">
/// 重办率: of the replies (<c>Replied</c>) in the period, the share followed by a re-handling (<c>Reopened</c>, after an
/// unsatisfied or unresolved callback) before the case's next reply and before the period ends.
/// </param>
/// <param name="DirectAnswer">
/// 直接办结率: of the cases registered in the period, the share answered at once from the knowledge base
/// (<c>AnsweredFromKnowledgeBase</c>) before the period ends. No unit takes part in a direct answer, so for a unit it
/// is always 0 of 0.
/// </param>
/// <param name="CitizenSatisfaction">
/// 好差评满意率: of the citizens' own ratings through the reply's link (<c>CitizenRated</c>) in the period, the share
/// rated <c>Satisfied</c> (满意) or <c>BasicallySatisfied</c> (基本满意); a unit's are the ratings of cases it was the
/// lead unit of when rated.
/// </param>
public sealed record IndicatorFigures(
    Figure OnTimeCompletion,
    Figure Completion,
    Figure Satisfaction,
    Figure Resolution,
    Figure Callback,
    Figure TimelySignFor,
    Figure Return,
    Figure Extension,
    Figure Rehandle,
    Figure DirectAnswer,
    Figure CitizenSatisfaction);

/// <summary>A unit's indicators.</summary>
/// <param name="UnitCode">The unit's code.</param>
/// <param name="UnitName">The unit's name; null when the unit is not (or no longer) in the unit table.</param>
/// <param name="Figures">The unit's indicators.</param>
public sealed record UnitIndicators(string UnitCode, string? UnitName, IndicatorFigures Figures);

/// <summary>The indicators of a period, city-wide and per unit.</summary>
/// <param name="From">The first day of the period (local date in <paramref name="TimeZone"/>), included.</param>
/// <param name="To">The day after the period (local date), excluded: the period is [from, to).</param>
/// <param name="TimeZone">The hotline's time zone the days are reckoned in (Asia/Shanghai).</param>
/// <param name="CityWide">The indicators over every case, whichever unit.</param>
/// <param name="Units">
/// Each unit's indicators: every unit with at least one counted event in the period, ordered by code; or just the unit
/// asked for (all zeros when it had nothing to do).
/// </param>
public sealed record IndicatorReport(DateOnly From, DateOnly To, string TimeZone, IndicatorFigures CityWide, IReadOnlyList<UnitIndicators> Units);

/// <summary>A line of the monthly unit ranking (月度考核排名).</summary>
/// <param name="Rank">1 for the best score; equal scores share a rank (1, 2, 2, 4); units without any scored figure come last.</param>
/// <param name="UnitCode">The unit's code.</param>
/// <param name="UnitName">The unit's name.</param>
/// <param name="Score">The weighted score from 0 to 100, rounded to 2 decimal places; null when the unit has no rate for any weighted figure.</param>
/// <param name="Figures">The unit's indicators for the month.</param>
public sealed record UnitRanking(int Rank, string UnitCode, string? UnitName, double? Score, IndicatorFigures Figures);

/// <summary>The weights a ranking was computed with (see <see cref="RankingWeights"/>).</summary>
/// <param name="OnTimeCompletion">按期办结率.</param>
/// <param name="Satisfaction">满意率.</param>
/// <param name="Resolution">解决率.</param>
/// <param name="TimelySignFor">签收及时率.</param>
/// <param name="Return">退单率, inverted (1 − rate).</param>
/// <param name="Rehandle">重办率, inverted (1 − rate).</param>
public sealed record RankingWeightsUsed(double OnTimeCompletion, double Satisfaction, double Resolution, double TimelySignFor, double Return, double Rehandle);

/// <summary>The monthly unit ranking.</summary>
/// <param name="Month">The month, <c>YYYY-MM</c>.</param>
/// <param name="From">Its first day.</param>
/// <param name="To">The first day of the next month (excluded).</param>
/// <param name="Weights">The weights used.</param>
/// <param name="Units">The units, best first.</param>
public sealed record RankingReport(string Month, DateOnly From, DateOnly To, RankingWeightsUsed Weights, IReadOnlyList<UnitRanking> Units);

/// <summary>How many cases of one channel or type.</summary>
/// <param name="Key">The channel or type (its enum name: <c>Phone</c>, <c>Complaint</c>...).</param>
/// <param name="Count">Cases registered that day.</param>
public sealed record VolumeLine(string Key, int Count);

/// <summary>A subject or district whose count jumped (热点).</summary>
/// <param name="Dimension"><c>subject</c> or <c>district</c>.</param>
/// <param name="Code">The subject code or six-digit district code.</param>
/// <param name="Name">The subject's name; null for districts and unknown subjects.</param>
/// <param name="Count">Cases registered that day.</param>
/// <param name="BaselineCount">Cases registered over the baseline days before.</param>
/// <param name="BaselineAverage">Their daily average (BaselineCount ÷ baseline days), rounded to 2 decimal places.</param>
public sealed record HotSpot(string Dimension, string Code, string? Name, int Count, int BaselineCount, double BaselineAverage);

/// <summary>The rule hot spots were found with.</summary>
/// <param name="Multiplier">The day's count must be at least this many times the baseline average...</param>
/// <param name="MinimumCount">...and at least this many cases.</param>
/// <param name="BaselineDays">The number of days before the date the average is taken over.</param>
public sealed record HotSpotRule(double Multiplier, int MinimumCount, int BaselineDays);

/// <summary>An open case past its deadline at the end of the report's day.</summary>
/// <param name="CaseId">The case.</param>
/// <param name="Number">Its number.</param>
/// <param name="SubjectCode">Its subject.</param>
/// <param name="SubjectName">The subject's name.</param>
/// <param name="LeadUnitCode">The lead unit at the end of the day.</param>
/// <param name="LeadUnitName">Its name.</param>
/// <param name="DeadlineAt">The deadline in force at the end of the day (UTC).</param>
/// <param name="DaysOverdue">
/// Working days from the deadline's date (exclusive) to the report's date (inclusive): 0 when it fell due that day,
/// 1 when it fell due on the working day before...
/// </param>
public sealed record OverdueCase(Guid CaseId, string Number, string? SubjectCode, string? SubjectName, string? LeadUnitCode, string? LeadUnitName, DateTimeOffset DeadlineAt, int DaysOverdue);

/// <summary>The daily report (每日一报).</summary>
/// <param name="Date">The day (local date).</param>
/// <param name="TimeZone">The time zone the day is reckoned in.</param>
/// <param name="Registered">Cases registered that day.</param>
/// <param name="DirectAnswers">Cases answered directly from the knowledge base that day (直接办结).</param>
/// <param name="ByChannel">Registered cases by channel, every channel listed.</param>
/// <param name="ByType">Registered cases by type, every type listed.</param>
/// <param name="HotSpotRule">The rule the hot spots were found with.</param>
/// <param name="HotSpots">Subjects whose count jumped, then districts; each by count (largest first), then code.</param>
/// <param name="Overdue">Open cases past their deadline at the end of the day, most overdue first.</param>
public sealed record DailyReport(
    DateOnly Date,
    string TimeZone,
    int Registered,
    int DirectAnswers,
    IReadOnlyList<VolumeLine> ByChannel,
    IReadOnlyList<VolumeLine> ByType,
    HotSpotRule HotSpotRule,
    IReadOnlyList<HotSpot> HotSpots,
    IReadOnlyList<OverdueCase> Overdue);

/// <summary>The daily report with that day's indicators, as the report page and its workbook show them.</summary>
/// <param name="Report">The daily report; district hot spots carry the district's name.</param>
/// <param name="Indicators">The indicators of that one day, city-wide and per unit.</param>
public sealed record DailyReportBook(DailyReport Report, IndicatorReport Indicators);
