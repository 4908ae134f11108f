using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Workflows.EntryPoints;

/// <summary>
/// Whether a definition registers cases (a <c>Hotline.RegisterCase</c> activity in its graph or in a workflow it uses as
/// an activity): such a definition may be opened to other systems only with <see cref="EntryPointIntake.Case"/>, so no
/// case skips the intake checks.
/// </summary>
public static class CaseRegistering
{
    private const string RegisterCaseType = "\"Hotline.RegisterCase\"";

    /// <summary>True when <paramref name="definition"/> or a definition it uses registers cases.</summary>
    public static async Task<bool> RegistersCasesAsync(WorkflowRuntime runtime, WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(definition);
        if (Registers(definition))
            return true;
        var blueprint = await runtime.GetBlueprintAsync(definition, cancellationToken);
        foreach (var versionId in blueprint.Dependencies.Values)
        {
            if (await runtime.Definitions.FindByVersionIdAsync(versionId, cancellationToken) is { } dependency && Registers(dependency))
                return true;
        }

        return false;
    }

    private static bool Registers(WorkflowDefinition definition) =>
        definition.Root.ToJsonString().Contains(RegisterCaseType, StringComparison.Ordinal);
}
