using System.Globalization;
using Hotline.Domain.Deadlines;

namespace Hotline.Domain.Activities;

/// <summary>
/// A counted moment in the words the supervision ladder's step names and notices use, made from the count itself
/// (<see cref="WaitForDeadline"/>'s and <see cref="CountMoment"/>'s <c>Wording</c> output), so an administrator who changes
/// a wait from 3 to 2 working days changes the words with it: 办理时限前 1 个工作日, 办理时限届满, 超过办理时限 3 个工作日;
/// counted from a moment or from now, the span alone (7 个自然日, 1 个自然月, 当日 23:59), which the text around it
/// relates to what it counts from (13710 督办：7 个自然日内解决一般问题).
/// </summary>
public static class WaitWords
{
    /// <summary>The moment in words, e.g. 超过办理时限 1 个工作日.</summary>
    public static string Of(WaitAnchor anchor, int offset, WaitUnit unit, TimeOnly? timeOfDay)
    {
        var time = unit == WaitUnit.WorkingHours ? null : timeOfDay?.ToString("HH:mm", CultureInfo.InvariantCulture);
        var span = Span(Math.Abs(offset), unit) + (time is null ? "" : $"（{time}）");
        return (anchor, Math.Sign(offset)) switch
        {
            (WaitAnchor.Deadline, < 0) => $"办理时限前 {span}",
            (WaitAnchor.Deadline, 0) => time is null ? "办理时限届满" : $"办理时限当日 {time}",
            (WaitAnchor.Deadline, _) => $"超过办理时限 {span}",
            (_, 0) => time is null ? "即时" : $"当日 {time}",
            (_, < 0) => $"提前 {span}",
            _ => span,
        };
    }

    /// <summary>A number of units: 3 个工作日, 7 个自然日, 4 个工作小时, 1 个自然月.</summary>
    public static string Span(int count, WaitUnit unit) => string.Create(CultureInfo.InvariantCulture, $"{count} ") + unit switch
    {
        WaitUnit.CalendarDays => "个自然日",
        WaitUnit.WorkingHours => "个工作小时",
        WaitUnit.CalendarMonths => "个自然月",
        _ => "个工作日",
    };
}
