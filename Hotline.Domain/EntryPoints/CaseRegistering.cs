using Hotline.Workflows.Runtime;

namespace Hotline.Domain.EntryPoints;

/// <summary>
/// What a compiled definition does to the hotline's cases, for the entry points: one that registers cases (a
/// <c>Hotline.RegisterCase</c> activity in its graph or in a workflow it uses as an activity) may be opened to other
/// systems only with <see cref="EntryPointIntake.Case"/>, so no case skips the intake checks; one that acts on cases
/// otherwise may not be opened with <see cref="EntryPointIntake.Workflow"/> at all.
/// </summary>
public static class CaseRegistering
{
    private const string RegisterCaseType = "Hotline.RegisterCase";

    /// <summary>Activities that start other definitions (which may act on cases; their target can even come from the input).</summary>
    private static readonly HashSet<string> StartsWorkflows = new(StringComparer.Ordinal) { "Elsa.ExecuteWorkflow", "Elsa.DispatchWorkflow" };

    /// <summary>True when <paramref name="blueprint"/> holds a node that registers a case (its nodes include those of its child workflows).</summary>
    public static bool RegistersCases(WorkflowBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        return blueprint.Nodes.Values.Any(n => n.Type == RegisterCaseType);
    }

    /// <summary>
    /// True when <paramref name="blueprint"/> holds a hotline activity (they read and change cases, tasks and notices by
    /// the case id in their input) or starts other workflows. Started with declared inputs, such a definition would let
    /// any integrator key act on any case, of any district, past the case API's visibility checks: a county portal's key
    /// could have <c>escalate</c> text a citizen of another district.
    /// </summary>
    public static bool ActsOnCases(WorkflowBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        return blueprint.Nodes.Values.Any(n => n.Type.StartsWith("Hotline.", StringComparison.Ordinal) || StartsWorkflows.Contains(n.Type));
    }
}
