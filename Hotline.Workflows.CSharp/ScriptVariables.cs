using System.Dynamic;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// <c>Variables</c> (and <c>Variable</c>) in a script: <c>Variables.Total</c> reads and writes the variable in scope
/// (names as in Elsa: any case), <c>Variables.Get&lt;T&gt;("Total")</c> and <c>Variables.Set("Total", v)</c> by name.
/// </summary>
public sealed class ScriptVariables : DynamicObject
{
    private readonly ActivityExecutionContext _context;

    internal ScriptVariables(ActivityExecutionContext context) => _context = context;

    /// <summary>The variable's value converted to <typeparamref name="T"/>.</summary>
    public T? Get<T>(string name) => ScriptValues.ConvertTo<T>(Get(name));

    /// <summary>The variable's value.</summary>
    public object? Get(string name) =>
        _context.TryGetVariable(name, out var value) ? ScriptValues.ToScript(value) : throw new InvalidOperationException($"No variable named '{name}' is declared.");

    /// <summary>Sets the variable.</summary>
    public void Set(string name, object? value) => _context.SetVariable(name, value);

    /// <inheritdoc />
    public override bool TryGetMember(GetMemberBinder binder, out object? result)
    {
        ArgumentNullException.ThrowIfNull(binder);
        result = Get(binder.Name);
        return true;
    }

    /// <inheritdoc />
    public override bool TrySetMember(SetMemberBinder binder, object? value)
    {
        ArgumentNullException.ThrowIfNull(binder);
        Set(binder.Name, value);
        return true;
    }

    /// <inheritdoc />
    public override IEnumerable<string> GetDynamicMemberNames() =>
        _context.Scopes().SelectMany(s => s.Definition.Variables.Select(v => v.Name)).Distinct(StringComparer.Ordinal);
}
