using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hotline.Workflows.Diagnostics;

/// <summary>
/// The engine's traces and metrics, under the name <see cref="Name"/>: a span per burst and per commit, counters of
/// bursts, activity executions, commits and conflicts, and their durations. Nothing is recorded (and nothing allocated)
/// while no listener is attached. Tags are definition ids, activity types and statuses, never instance data.
/// </summary>
public static class WorkflowTelemetry
{
    /// <summary>The name of the engine's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "Hotline.Workflows";

    /// <summary>The source of the engine's spans (<c>workflow burst</c>, <c>workflow commit</c>).</summary>
    public static readonly ActivitySource Source = new(Name);

    /// <summary>The engine's meter.</summary>
    public static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Bursts = Meter.CreateCounter<long>(
        "hotline.workflow.bursts", "{burst}", "Bursts run (a start, resume or cancel saved in one unit of work), by definition and outcome.");

    internal static readonly Histogram<double> BurstDuration = Meter.CreateHistogram<double>(
        "hotline.workflow.burst.duration", "s", "How long a burst took, from opening its unit of work to its commit, by definition and outcome.");

    internal static readonly Counter<long> ActivityExecutions = Meter.CreateCounter<long>(
        "hotline.workflow.activity.executions", "{execution}", "Activities executed or resumed, by activity type.");

    internal static readonly Counter<long> Commits = Meter.CreateCounter<long>(
        "hotline.workflow.commits", "{commit}", "Commits of a burst's unit of work, by outcome (committed, conflict, error).");

    internal static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "hotline.workflow.commit.duration", "s", "How long a commit took, by outcome.");

    internal static readonly Counter<long> Conflicts = Meter.CreateCounter<long>(
        "hotline.workflow.commit.conflicts", "{conflict}", "Commits that lost a race to another worker, by whether the burst was run again (retried) or the conflict was the caller's to answer.");

    /// <summary>Counts one execution or resume of an activity of <paramref name="activityType"/>.</summary>
    internal static void ActivityExecuted(string activityType)
    {
        if (ActivityExecutions.Enabled)
            ActivityExecutions.Add(1, new KeyValuePair<string, object?>("activity.type", activityType));
    }

    /// <summary>Counts a commit that lost a race.</summary>
    internal static void Conflict(string definitionId, bool retried)
    {
        if (Conflicts.Enabled)
            Conflicts.Add(1, new KeyValuePair<string, object?>("workflow.definition.id", definitionId), new KeyValuePair<string, object?>("retried", retried));
    }
}
