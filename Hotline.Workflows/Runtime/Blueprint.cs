using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Definitions;

namespace Hotline.Workflows.Runtime;

/// <summary>One activity of a compiled definition, with its bound inputs and outputs.</summary>
public sealed class ActivityNode
{
    public required string Id { get; init; }
    public required string NodeId { get; init; }
    public required string Type { get; init; }
    public required int Version { get; init; }
    public string? Name { get; init; }
    public required JsonObject Json { get; init; }
    public required ActivityDescriptor Descriptor { get; init; }
    public required Activity Activity { get; init; }
    public ActivityNode? Parent { get; init; }
    public List<ActivityNode> Children { get; } = [];
    public Dictionary<string, InputBinding> Inputs { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, OutputBinding> Outputs { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The merge mode from <c>customProperties.mergeMode</c>, if set.</summary>
    public string? MergeMode { get; init; }

    /// <summary>Whether the node is marked "can start workflow".</summary>
    public bool CanStartWorkflow { get; init; }

    /// <summary>Set on nodes that open a variable scope (the workflow root, a workflow used as an activity, a container declaring variables, a loop's body).</summary>
    public ScopeDefinition? Scope { get; set; }

    /// <summary>Display name for messages.</summary>
    public string DisplayName => Name ?? Id;

    /// <inheritdoc />
    public override string ToString() => $"{DisplayName} ({Type} v{Version})";
}

/// <summary>The variables, inputs and outputs a scope declares.</summary>
public sealed class ScopeDefinition
{
    public ScopeDefinition(IReadOnlyList<VariableDefinition> variables, IReadOnlyList<WorkflowIoDefinition> inputs, IReadOnlyList<WorkflowIoDefinition> outputs)
    {
        Variables = variables;
        Inputs = inputs;
        Outputs = outputs;
        foreach (var variable in variables)
        {
            VariablesByName[variable.Name] = variable;
            VariablesById[variable.Id] = variable;
        }
    }

    public IReadOnlyList<VariableDefinition> Variables { get; }
    public IReadOnlyList<WorkflowIoDefinition> Inputs { get; }
    public IReadOnlyList<WorkflowIoDefinition> Outputs { get; }
    public Dictionary<string, VariableDefinition> VariablesByName { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, VariableDefinition> VariablesById { get; } = new(StringComparer.Ordinal);

    /// <summary>The names scripts can read with <c>getX()</c>: variables and inputs.</summary>
    public IEnumerable<string> AccessorNames => Variables.Select(v => v.Name).Concat(Inputs.Select(i => i.Name));
}

/// <summary>A compiled definition version: the tree of nodes, ready to run many times.</summary>
public sealed class WorkflowBlueprint
{
    internal WorkflowBlueprint(WorkflowDefinition definition, ActivityNode root, Dictionary<string, ActivityNode> nodes, IReadOnlyDictionary<string, string> dependencies)
    {
        Definition = definition;
        Root = root;
        Nodes = nodes;
        Dependencies = dependencies;
    }

    /// <summary>
    /// The definitions used as activities (at any depth): definition id → the version id compiled in. Saved with each
    /// instance, so it resumes on the same versions after newer ones are published.
    /// </summary>
    public IReadOnlyDictionary<string, string> Dependencies { get; }

    /// <summary>The version numbers of <see cref="Dependencies"/>: definition id → the version compiled in.</summary>
    public IReadOnlyDictionary<string, int> DependencyVersions { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    public WorkflowDefinition Definition { get; }
    public ActivityNode Root { get; }

    /// <summary>Every node by node id, including those of workflows used as activities.</summary>
    public IReadOnlyDictionary<string, ActivityNode> Nodes { get; }
}
