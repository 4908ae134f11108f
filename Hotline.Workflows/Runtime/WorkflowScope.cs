using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Runtime;

/// <summary>The memory of one workflow (the root, or a workflow used as an activity): variables, inputs and outputs.</summary>
public sealed class WorkflowScope
{
    /// <summary>Creates a scope with the declared variables set to their defaults.</summary>
    public WorkflowScope(ScopeDefinition definition, IReadOnlyDictionary<string, object?>? input)
    {
        Definition = definition;
        foreach (var variable in definition.Variables)
            Memory[variable.Id] = DefaultValue(variable);
        if (input is not null)
            foreach (var (key, value) in input)
                Input[key] = Coerce(key, value);
    }

    private WorkflowScope(ScopeDefinition definition) => Definition = definition;

    public ScopeDefinition Definition { get; }

    /// <summary>Variable values by variable id (and any other memory block by id).</summary>
    public Dictionary<string, object?> Memory { get; } = new(StringComparer.Ordinal);

    /// <summary>Input values by name.</summary>
    public Dictionary<string, object?> Input { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Output values by name.</summary>
    public Dictionary<string, object?> Output { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads a variable by name; <c>false</c> if the scope declares no such variable.</summary>
    public bool TryGetVariable(string name, out object? value)
    {
        if (Definition.VariablesByName.TryGetValue(name, out var variable))
        {
            value = Memory.GetValueOrDefault(variable.Id);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Writes a variable by name, converting to its declared type.</summary>
    public bool TrySetVariable(string name, object? value)
    {
        if (!Definition.VariablesByName.TryGetValue(name, out var variable))
            return false;
        Memory[variable.Id] = ValueConverter.ConvertToAlias(value, variable.TypeName);
        return true;
    }

    /// <summary>Writes a memory block by id if this scope declares it (a variable id or an output name).</summary>
    public bool TryWriteMemory(string id, object? value)
    {
        if (Definition.VariablesById.TryGetValue(id, out var variable))
        {
            Memory[id] = ValueConverter.ConvertToAlias(value, variable.TypeName);
            return true;
        }

        var output = Definition.Outputs.FirstOrDefault(o => string.Equals(o.Name, id, StringComparison.OrdinalIgnoreCase));
        if (output is not null)
        {
            Output[output.Name] = ValueConverter.ConvertToAlias(value, output.Type);
            return true;
        }

        return false;
    }

    /// <summary>Serializes the scope for storage.</summary>
    public JsonObject Save()
    {
        var memory = new JsonObject();
        foreach (var (key, value) in Memory)
            memory[key] = ValueConverter.ToJson(value);
        var input = new JsonObject();
        foreach (var (key, value) in Input)
            input[key] = ValueConverter.ToJson(value);
        var output = new JsonObject();
        foreach (var (key, value) in Output)
            output[key] = ValueConverter.ToJson(value);
        return new JsonObject { ["memory"] = memory, ["input"] = input, ["output"] = output };
    }

    /// <summary>Restores a scope saved by <see cref="Save"/>.</summary>
    public static WorkflowScope Load(ScopeDefinition definition, JsonObject json)
    {
        var scope = new WorkflowScope(definition);
        foreach (var (key, value) in json["memory"] as JsonObject ?? [])
            scope.Memory[key] = ValueConverter.FromJson(value, definition.VariablesById.GetValueOrDefault(key)?.TypeName);
        foreach (var (key, value) in json["input"] as JsonObject ?? [])
            scope.Input[key] = ValueConverter.FromJson(value, definition.Inputs.FirstOrDefault(i => string.Equals(i.Name, key, StringComparison.OrdinalIgnoreCase))?.Type);
        foreach (var (key, value) in json["output"] as JsonObject ?? [])
            scope.Output[key] = ValueConverter.FromJson(value, definition.Outputs.FirstOrDefault(i => string.Equals(i.Name, key, StringComparison.OrdinalIgnoreCase))?.Type);
        return scope;
    }

    private object? Coerce(string inputName, object? value)
    {
        var declared = Definition.Inputs.FirstOrDefault(i => string.Equals(i.Name, inputName, StringComparison.OrdinalIgnoreCase));
        return declared is null ? value is JsonValue jv ? ValueConverter.Unwrap(jv) : value : ValueConverter.ConvertToAlias(value, declared.Type);
    }

    private static object? DefaultValue(Definitions.VariableDefinition variable)
    {
        var type = ValueConverter.ResolveAlias(variable.TypeName);
        if (variable.Value is JsonValue v && v.TryGetValue<string>(out var text))
            return text.Length == 0 && type != typeof(string) ? ValueConverter.Convert(null, type) : ValueConverter.FromLiteral(text, type);
        if (variable.Value is not null)
            return ValueConverter.FromJson(variable.Value, variable.TypeName);
        return ValueConverter.Convert(null, type);
    }
}
