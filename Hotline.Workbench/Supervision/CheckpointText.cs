using System.Globalization;
using Hotline.Domain.Activities;
using Hotline.Domain.Deadlines;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Supervision;

/// <summary>
/// States how the graph counts a checkpoint (期限后 1 个工作日, 起算后 3 个自然日 23:59…) from the waiting timer's own
/// count, so a redesigned ladder is described as it now runs.
/// </summary>
public static class CheckpointText
{
    /// <summary>The count in words, e.g. 办理期限后 1 个工作日.</summary>
    public static string Of(CheckpointCount count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var amount = string.Format(CultureInfo.InvariantCulture, Texts.T($"svUnit.{count.Unit}"), Math.Abs(count.Offset));
        var key = (count.Anchor, Math.Sign(count.Offset)) switch
        {
            (WaitAnchor.Deadline, < 0) => "svCount.beforeDeadline",
            (WaitAnchor.Deadline, 0) => "svCount.atDeadline",
            (WaitAnchor.Deadline, _) => "svCount.afterDeadline",
            (WaitAnchor.Now, _) => "svCount.afterStart",
            (_, 0) when count.TimeOfDay is not { Length: > 0 } => "svCount.atMoment",
            (_, 0) => "svCount.sameDay",
            _ => "svCount.afterMoment",
        };
        var text = string.Format(CultureInfo.InvariantCulture, Texts.T(key), amount);
        return count.TimeOfDay is { Length: > 0 } time && count.Unit != WaitUnit.WorkingHours ? $"{text} {time}" : text;
    }

    /// <summary>The checkpoint's name: the board's own words for the shipped ladder's waits, else the wait's label in the designer.</summary>
    public static string Name(string step, CheckpointCount? count) =>
        Texts.Has($"svStep.{step}") ? Texts.T($"svStep.{step}") : count?.Label ?? step;
}
