using Hotline.Workflows.Runtime;

namespace Hotline.Domain.EntryPoints;

/// <summary>
/// Whether a compiled definition registers cases (a <c>Hotline.RegisterCase</c> activity in its graph or in a workflow
/// it uses as an activity): such a definition may be opened to other systems only with <see cref="EntryPointIntake.Case"/>,
/// so no case skips the intake checks.
/// </summary>
public static class CaseRegistering
{
    private const string RegisterCaseType = "Hotline.RegisterCase";

    /// <summary>True when <paramref name="blueprint"/> holds a node that registers a case (its nodes include those of its child workflows).</summary>
    public static bool RegistersCases(WorkflowBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        return blueprint.Nodes.Values.Any(n => n.Type == RegisterCaseType);
    }
}
