using System.Dynamic;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp;

/// <summary><c>Input</c> (and <c>Inputs</c>) in a script: the workflow's inputs, <c>Input.CaseId</c> or <c>Input.Get&lt;T&gt;("CaseId")</c>.</summary>
public sealed class ScriptInputs : DynamicObject
{
    private readonly ActivityExecutionContext _context;

    internal ScriptInputs(ActivityExecutionContext context) => _context = context;

    /// <summary>The input's value converted to <typeparamref name="T"/>; <c>default</c> when the workflow was not given it.</summary>
    public T? Get<T>(string name) => ScriptValues.ConvertTo<T>(Get(name));

    /// <summary>The input's value; <c>null</c> when the workflow was not given it.</summary>
    public object? Get(string name)
    {
        foreach (var scope in _context.Scopes())
            if (scope.Input.TryGetValue(name, out var value))
                return ScriptValues.ToScript(value);
        return null;
    }

    /// <inheritdoc />
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        result = Get(binder.Name);
        return true;
    }
}
