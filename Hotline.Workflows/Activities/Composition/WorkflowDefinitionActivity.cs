using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Composition;

/// <summary>
/// A published workflow definition used as an activity in another: the parent passes its inputs, the child runs in its
/// own variable scope inside the same instance (so it can wait, and resume, like any activity), and the parent reads its
/// outputs and the outcomes it completed with.
/// </summary>
public sealed class WorkflowDefinitionActivity : Activity, ICompilableActivity, IScopeBoundary, IContainerActivity
{
    private readonly List<(WorkflowIoDefinition Definition, InputBinding? Binding)> _inputs = [];
    private readonly List<(WorkflowIoDefinition Definition, OutputBinding? Binding)> _outputs = [];

    /// <summary>The compiled root of the child definition.</summary>
    public ActivityNode? ChildRoot { get; private set; }

    /// <summary>The child definition.</summary>
    public WorkflowDefinition? Definition { get; private set; }

    /// <summary>Describes a definition as an activity type: its name, version, inputs, outputs and outcomes.</summary>
    public static ActivityDescriptor Describe(WorkflowDefinition definition)
    {
        var category = (definition.Document["options"] as System.Text.Json.Nodes.JsonObject)?["activityCategory"]?.GetValue<string>() ?? "Workflows";
        return new ActivityDescriptor
        {
            TypeName = definition.ActivityTypeName,
            Version = definition.Version,
            Namespace = "",
            Name = definition.ActivityTypeName,
            Category = category,
            DisplayName = definition.Name ?? definition.ActivityTypeName,
            Description = definition.Description,
            Outcomes = definition.Outcomes.Count > 0 ? definition.Outcomes : ["Done"],
            Inputs = definition.Inputs.Select(i => new InputDescriptor(i.Name, ValueConverter.ResolveAlias(i.Type), i.Type, i.DisplayName ?? i.Name, i.Description, "singleline", true, null, null, null)).ToList(),
            Outputs = definition.Outputs.Select(o => new OutputDescriptor(o.Name, ValueConverter.ResolveAlias(o.Type), o.Type, o.DisplayName ?? o.Name, o.Description)).ToList(),
            WorkflowDefinitionId = definition.DefinitionId,
            WorkflowDefinitionVersionId = definition.Id,
            Factory = () => new WorkflowDefinitionActivity(),
            ClrType = typeof(WorkflowDefinitionActivity),
        };
    }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        Definition = compiler.ResolveDefinition(node);
        if (Definition is null)
        {
            compiler.Error(node, $"The workflow definition behind activity type '{node.Type}' v{node.Version} cannot be found.");
            return;
        }

        foreach (var input in Definition.Inputs)
            _inputs.Add((input, compiler.BindInput(node, input.Name, ValueConverter.ResolveAlias(input.Type))));
        foreach (var output in Definition.Outputs)
            _outputs.Add((output, WorkflowCompiler.BindOutput(node, output.Name, ValueConverter.ResolveAlias(output.Type))));
        ChildRoot = compiler.CompileWorkflowRoot(Definition, node);
        if (ChildRoot is not null)
        {
            node.Children.Add(ChildRoot);
            // The child's scope opens on this node's context, so restoring a suspended instance reads its definition here.
            node.Scope = ChildRoot.Scope;
        }
    }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var input = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (definition, binding) in _inputs)
            if (binding is not null)
                input[definition.Name] = context.Evaluate(binding);
        context.Scope = new WorkflowScope(ChildRoot!.Scope!, input);
        context.ScheduleChild(ChildRoot);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        OnScopeCompleted(context);
        context.Complete();
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public void OnScopeCompleted(ActivityExecutionContext context)
    {
        var scope = context.Scope!;
        foreach (var (definition, binding) in _outputs)
            if (scope.Output.TryGetValue(definition.Name, out var value))
                context.Set(binding, value);
    }
}
