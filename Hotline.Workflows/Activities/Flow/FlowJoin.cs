namespace Hotline.Workflows.Activities.Flow;

/// <summary>How an explicit join waits for its inbound branches.</summary>
public enum FlowJoinMode
{
    WaitAll,
    WaitAllActive,
    WaitAny,
}

/// <summary>Explicitly merges branches: WaitAny continues on the first, WaitAll waits for every forward inbound branch.</summary>
[Activity("Elsa", "Branching", "Explicitly merge multiple branches into a single branch of execution.", DisplayName = "Join")]
public sealed class FlowJoin : CodeActivity
{
    /// <summary>The join mode.</summary>
    [Input(Description = "The join mode determines whether this activity should continue as soon as one inbound path comes in (WaitAny), or once all inbound paths have executed (WaitAll).", UIHint = "dropdown", Options = ["WaitAll", "WaitAllActive", "WaitAny"], DefaultValue = "WaitAny")]
    public Input<FlowJoinMode>? Mode { get; set; }
}
