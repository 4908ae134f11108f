using System.Globalization;
using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Primitives;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// One category's handling limit (办理时限) in the rule graph (<c>category-deadlines</c>): the limit, how it counts and the
/// category's name are set in ONE node, and the rule's name recorded on the case is made from them
/// (<see cref="NameOf"/>, e.g. 投诉：10个工作日), so an administrator cannot change the limit and leave the label behind.
/// Sets the graph's outputs <c>LimitDays</c>, <c>Unit</c> and <c>RuleName</c>.
/// </summary>
[Activity("Hotline", "Deadlines", "One category's handling limit: the limit, how it counts and the category; the rule's name is made from them.",
    DisplayName = "Deadline Rule")]
public sealed class DeadlineRule : CodeActivity
{
    /// <summary>The category's name as people read it (投诉).</summary>
    [Input(Description = "The category's name as the timeline shows it, e.g. 投诉.", Required = true)]
    public Input<string>? Category { get; set; }

    /// <summary>The limit.</summary>
    [Input(Description = "The limit, in Unit (ignored when Immediate).")]
    public Input<int>? Limit { get; set; }

    /// <summary>How the limit counts.</summary>
    [Input(Description = "WorkingDays, CalendarDays or Immediate.", UIHint = "dropdown", Options = ["WorkingDays", "CalendarDays", "Immediate"], DefaultValue = "WorkingDays")]
    public Input<string>? Unit { get; set; }

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        var category = context.Get(Category) is { Length: > 0 } name ? name.Trim() : throw new WorkflowFaultException("A deadline rule needs its Category.");
        var unitText = context.Get(Unit) is { Length: > 0 } u ? u : nameof(DeadlineUnit.WorkingDays);
        if (!EnumNames.TryParse<DeadlineUnit>(unitText, out var unit))
            throw new WorkflowFaultException($"'{unitText}' is not a deadline unit (WorkingDays, CalendarDays, Immediate).");
        var limit = unit == DeadlineUnit.Immediate ? 0 : context.Get(Limit);
        if (limit is < 0 or > 365)
            throw new WorkflowFaultException($"A limit of {limit} is out of range (0 to 365).");
        SetOutput.Assign(context, "LimitDays", limit);
        SetOutput.Assign(context, "Unit", unit.ToString());
        SetOutput.Assign(context, "RuleName", NameOf(category, limit, unit));
        return Outcomes.Done;
    }

    /// <summary>The rule's name as the case records it: 投诉：10个工作日, 其他：15个自然日, 应急处突：立即办理.</summary>
    public static string NameOf(string category, int limit, DeadlineUnit unit) => unit switch
    {
        DeadlineUnit.Immediate => $"{category}：立即办理",
        DeadlineUnit.CalendarDays => string.Create(CultureInfo.InvariantCulture, $"{category}：{limit}个自然日"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{category}：{limit}个工作日"),
    };
}
