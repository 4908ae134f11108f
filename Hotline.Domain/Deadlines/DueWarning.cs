using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;

namespace Hotline.Domain.Deadlines;

/// <summary>
/// The colour of a countdown to a due moment, by the supervision ladder's own steps (escalation-13710): yellow (黄牌)
/// from one working day before it, at its time of day (the ladder's WaitYellow), red (红牌) once it has passed.
/// </summary>
public static class DueWarning
{
    /// <summary>The warning at <paramref name="now"/> for a countdown to <paramref name="due"/>; none without a due moment.</summary>
    public static WarningLevel At(WorkingDayCalendar calendar, DateTimeOffset? due, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (due is not { } moment)
            return WarningLevel.None;
        if (now >= moment)
            return WarningLevel.Red;
        return now >= DeadlineCounting.Offset(calendar, moment, -1, WaitUnit.WorkingDays).Value ? WarningLevel.Yellow : WarningLevel.None;
    }
}
