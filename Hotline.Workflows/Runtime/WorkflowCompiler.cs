using System.Reflection;
using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Activities.Composition;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Runtime;

/// <summary>Finds the definition a node of a workflow-as-activity type refers to.</summary>
public delegate WorkflowDefinition? ActivityDefinitionResolver(string type, int version, JsonObject node);

/// <summary>Activities that read more of their JSON than typed inputs (containers, switch cases, variable references).</summary>
public interface ICompilableActivity
{
    /// <summary>Reads the node's JSON; report problems through the compiler.</summary>
    void Compile(WorkflowCompiler compiler, ActivityNode node);
}

/// <summary>Turns a definition into a <see cref="WorkflowBlueprint"/>, checking every activity type, version, connection and literal.</summary>
public sealed class WorkflowCompiler
{
    private readonly ActivityRegistry _registry;
    private readonly ActivityDefinitionResolver _resolver;
    private readonly List<DefinitionError> _errors = [];
    private readonly Dictionary<string, ActivityNode> _nodes = new(StringComparer.Ordinal);
    private readonly Stack<string> _definitionStack = new();
    private readonly Dictionary<string, string> _dependencies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _dependencyVersions = new(StringComparer.Ordinal);

    private WorkflowCompiler(ActivityRegistry registry, ActivityDefinitionResolver resolver)
    {
        _registry = registry;
        _resolver = resolver;
    }

    /// <summary>Compiles a definition; throws <see cref="WorkflowDefinitionException"/> listing every problem.</summary>
    public static WorkflowBlueprint Compile(WorkflowDefinition definition, ActivityRegistry registry, ActivityDefinitionResolver? resolver = null)
    {
        var compiler = new WorkflowCompiler(registry, resolver ?? ((_, _, _) => null));
        compiler._definitionStack.Push(definition.DefinitionId);
        var root = compiler.CompileNode(definition.Root, null, "Workflow1", "$.root");
        if (root is not null)
            root.Scope = WorkflowScopeOf(definition, root);
        compiler.CheckVariableDefaults(definition, "$.variables");
        if (compiler._errors.Count > 0 || root is null)
            throw new WorkflowDefinitionException(compiler._errors);
        return new WorkflowBlueprint(definition, root, compiler._nodes, compiler._dependencies) { DependencyVersions = compiler._dependencyVersions };
    }

    /// <summary>Records a problem with a node (and, if given, one of its inputs).</summary>
    public void Error(ActivityNode node, string message, string? input = null) => _errors.Add(DefinitionError.At(node, message, input));

    /// <summary>Compiles a child node (used by containers).</summary>
    public ActivityNode? CompileChild(JsonObject json, ActivityNode parent, string path) => CompileNode(json, parent, parent.NodeId, path);

    /// <summary>
    /// Compiles an activity embedded in a property of its parent's JSON (a port such as a loop's body, a switch case's
    /// activity) as a child of <paramref name="parent"/>; null when the property holds no activity.
    /// </summary>
    public ActivityNode? CompileEmbedded(ActivityNode parent, JsonNode? json, string path)
    {
        if (json is not JsonObject activity)
            return null;
        var child = CompileChild(activity, parent, path);
        if (child is not null)
            parent.Children.Add(child);
        return child;
    }

    /// <summary>Compiles the root of a workflow used as an activity, under the node that uses it.</summary>
    public ActivityNode? CompileWorkflowRoot(WorkflowDefinition definition, ActivityNode parent)
    {
        if (_definitionStack.Contains(definition.DefinitionId))
        {
            Error(parent, $"Workflow '{definition.Name}' uses itself as an activity (a cycle through {string.Join(" → ", _definitionStack.Reverse())}).");
            return null;
        }

        _definitionStack.Push(definition.DefinitionId);
        _dependencies[definition.DefinitionId] = definition.Id;
        _dependencyVersions[definition.DefinitionId] = definition.Version;
        try
        {
            var root = CompileNode(definition.Root, parent, parent.NodeId, $"[{definition.DefinitionId}].root");
            if (root is not null)
                root.Scope = WorkflowScopeOf(definition, root);
            CheckVariableDefaults(definition, $"[{definition.DefinitionId}].variables");
            return root;
        }
        finally
        {
            _definitionStack.Pop();
        }
    }

    // The workflow's variables, and those its root container declares itself (a root Sequence's variables).
    private static ScopeDefinition WorkflowScopeOf(WorkflowDefinition definition, ActivityNode root) =>
        new([.. definition.Variables, .. (root.Scope?.Variables ?? []).Where(v => !definition.Variables.Any(w => string.Equals(w.Name, v.Name, StringComparison.OrdinalIgnoreCase)))],
            definition.Inputs, definition.Outputs);

    // A default that does not convert would otherwise make every start of the workflow throw.
    private void CheckVariableDefaults(WorkflowDefinition definition, string path)
    {
        foreach (var variable in definition.Variables)
        {
            try
            {
                _ = new WorkflowScope(new ScopeDefinition([variable], [], []), null);
            }
            catch (Exception e) when (ExpressionEvaluator.IsConversionError(e))
            {
                _errors.Add(new DefinitionError($"Variable '{variable.Name}': the default value '{variable.Value}' is not a valid {variable.TypeName} ({e.Message}).", path));
            }
        }
    }

    /// <summary>Resolves the definition behind a workflow-as-activity node.</summary>
    public WorkflowDefinition? ResolveDefinition(ActivityNode node) => _resolver(node.Type, node.Version, node.Json);

    /// <summary>Binds a dynamic input read from the node's JSON (workflow-as-activity inputs).</summary>
    public InputBinding? BindInput(ActivityNode node, string name, Type valueType) => BindInputCore(node, name, valueType, typeof(InputBinding));

    /// <summary>Binds a dynamic output.</summary>
    public static OutputBinding? BindOutput(ActivityNode node, string name, Type valueType) => BindOutputCore(node, name, valueType, typeof(OutputBinding));

    private ActivityNode? CompileNode(JsonObject json, ActivityNode? parent, string parentNodeId, string path)
    {
        var id = json["id"] is JsonValue idv && idv.TryGetValue<string>(out var idText) ? idText : null;
        var type = json["type"] is JsonValue tv && tv.TryGetValue<string>(out var typeText) ? typeText : null;
        var version = json["version"] is JsonValue vv && vv.TryGetValue<int>(out var v) ? v : 1;
        if (string.IsNullOrEmpty(type))
        {
            _errors.Add(new DefinitionError("The activity has no type.", path + ".type", id));
            return null;
        }

        if (string.IsNullOrEmpty(id))
        {
            // Elsa accepts a root without id (the Studio's "Create" sends one); give it a stable one.
            id = parent is null ? "Flowchart1" : null;
            if (id is null)
            {
                _errors.Add(new DefinitionError("The activity has no id.", path + ".id", null, type, version));
                return null;
            }
        }

        var descriptor = _registry.Find(type, version) ?? DescribeWorkflowActivity(type, version, json);
        if (descriptor is null)
        {
            var message = _registry.HasType(type)
                ? $"Unknown version {version} of activity type '{type}'."
                : $"Unknown activity type '{type}'.";
            _errors.Add(new DefinitionError(message, path, id, type, version));
            return null;
        }

        var activity = descriptor.Factory();
        var custom = json["customProperties"] as JsonObject;
        var node = new ActivityNode
        {
            Id = id,
            NodeId = parentNodeId + ":" + id,
            Type = type,
            Version = version,
            Name = json["name"] is JsonValue nv && nv.TryGetValue<string>(out var name) ? name : null,
            Json = json,
            Descriptor = descriptor,
            Activity = activity,
            Parent = parent,
            MergeMode = custom?["mergeMode"] is JsonValue mm && mm.TryGetValue<string>(out var mode) ? mode : null,
            CanStartWorkflow = ReadBool(custom?["canStartWorkflow"]) || ReadBool(json["canStartWorkflow"]),
        };
        activity.Node = node;
        if (!_nodes.TryAdd(node.NodeId, node))
            _errors.Add(new DefinitionError($"Duplicate activity id '{id}'.", path, id, type, version));

        BindProperties(node, activity);
        if (activity is ICompilableActivity compilable)
            compilable.Compile(this, node);
        return node;
    }

    private ActivityDescriptor? DescribeWorkflowActivity(string type, int version, JsonObject json)
    {
        var definition = _resolver(type, version, json);
        return definition is null ? null : WorkflowDefinitionActivity.Describe(definition);
    }

    private void BindProperties(ActivityNode node, Activity activity)
    {
        foreach (var property in activity.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanWrite)
                continue;
            var propertyType = property.PropertyType;
            if (propertyType == typeof(ActivityNode) && property.GetCustomAttribute<PortAttribute>() is not null)
            {
                var jsonName = CamelCase(property.Name);
                property.SetValue(activity, CompileEmbedded(node, node.Json[jsonName], $"activity '{node.Id}'.{jsonName}"));
                continue;
            }

            if (!propertyType.IsGenericType)
                continue;
            var definition = propertyType.GetGenericTypeDefinition();
            if (definition == typeof(Input<>) && property.GetCustomAttribute<InputAttribute>() is not null)
                property.SetValue(activity, BindInputCore(node, property.Name, propertyType.GetGenericArguments()[0], propertyType));
            else if (definition == typeof(Output<>) && property.GetCustomAttribute<OutputAttribute>() is not null)
                property.SetValue(activity, BindOutputCore(node, property.Name, propertyType.GetGenericArguments()[0], propertyType));
        }
    }

    private InputBinding? BindInputCore(ActivityNode node, string name, Type valueType, Type bindingType)
    {
        var jsonName = CamelCase(name);
        var value = node.Json[jsonName];
        if (value is null)
            return null;
        string? typeName = null;
        string? memoryId = null;
        Expression expression;
        if (value is JsonObject wrapped && (wrapped.ContainsKey("expression") || wrapped.ContainsKey("typeName")))
        {
            typeName = wrapped["typeName"]?.GetValue<string>();
            memoryId = wrapped["memoryReference"]?["id"]?.GetValue<string>();
            if (wrapped["expression"] is not JsonObject expressionJson)
                return null;
            var syntax = expressionJson["type"]?.GetValue<string>() ?? "Literal";
            expression = new Expression(syntax, expressionJson["value"]);
        }
        else
        {
            expression = new Expression(value is JsonValue ? "Literal" : "Object", value);
        }

        if (!ExpressionEvaluator.IsSupported(expression.Type))
            Error(node, $"The expression syntax '{expression.Type}' is not supported by this engine (supported: {string.Join(", ", ExpressionEvaluator.SupportedSyntaxes)}).", jsonName);

        var binding = bindingType == typeof(InputBinding)
            ? new InputBinding(jsonName, valueType, typeName, expression, memoryId)
            : (InputBinding)Activator.CreateInstance(bindingType, BindingFlags.NonPublic | BindingFlags.Instance, null, [jsonName, typeName, expression, memoryId], null)!;
        if (ExpressionEvaluator.IsConstant(expression))
        {
            try
            {
                // Literals and JSON objects do not depend on the execution, so they are converted once. Constants are
                // shared by every execution: activities must not mutate what an input gives them.
                binding.Constant = ExpressionEvaluator.ConvertConstant(expression, valueType);
                // A JSON tree would be shared mutable state; those are parsed per evaluation instead.
                binding.HasConstant = binding.Constant is not JsonNode;
            }
            catch (Exception e) when (ExpressionEvaluator.IsConversionError(e))
            {
                Error(node, $"The literal '{expression.Text}' is not a valid {ValueConverter.AliasOf(valueType)} ({e.Message}).", jsonName);
            }
        }

        node.Inputs[jsonName] = binding;
        return binding;
    }

    private static OutputBinding? BindOutputCore(ActivityNode node, string name, Type valueType, Type bindingType)
    {
        var jsonName = CamelCase(name);
        var value = node.Json[jsonName] as JsonObject;
        var typeName = value?["typeName"]?.GetValue<string>();
        var memoryId = value?["memoryReference"]?["id"]?.GetValue<string>();
        var binding = bindingType == typeof(OutputBinding)
            ? new OutputBinding(jsonName, valueType, typeName, memoryId)
            : (OutputBinding)Activator.CreateInstance(bindingType, BindingFlags.NonPublic | BindingFlags.Instance, null, [jsonName, typeName, memoryId], null)!;
        node.Outputs[jsonName] = binding;
        return binding;
    }

    private static bool ReadBool(JsonNode? node) => node is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    /// <summary>Elsa's property naming: camelCase.</summary>
    public static string CamelCase(string name) => name.Length == 0 || char.IsLower(name[0]) ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
