using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Definitions;

/// <summary>
/// The checks a definition must pass to be published, beyond compiling: each activity's own checks
/// (<see cref="Activities.Activity.Validate"/>) and every expression it evaluates (<see cref="ExpressionChecks"/>).
/// Every problem is collected, each naming its activity and input.
/// </summary>
public static class WorkflowValidator
{
    /// <summary>The problems found.</summary>
    public static IReadOnlyList<DefinitionError> Validate(WorkflowBlueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(blueprint);
        var errors = new List<DefinitionError>();
        foreach (var node in blueprint.Nodes.Values)
        {
            errors.AddRange(node.Activity.Validate().Select(message => DefinitionError.At(node, message)));
            // A workflow used as an activity had its expressions checked when it was published; its problems are not
            // this definition's to fix.
            if (!IsInsideUsedWorkflow(node))
                errors.AddRange(ExpressionChecks.Check(node));
        }

        return errors;
    }

    private static bool IsInsideUsedWorkflow(ActivityNode node)
    {
        for (var ancestor = node.Parent; ancestor is not null; ancestor = ancestor.Parent)
            if (ancestor.Activity is IScopeBoundary)
                return true;
        return false;
    }
}
