using System.Text.Json.Nodes;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.Activities;

/// <summary>An activity input bound from the definition: an expression, evaluated when the activity runs.</summary>
public class InputBinding
{
    internal InputBinding(string name, Type valueType, string? typeName, Expression expression, string? memoryId)
    {
        Name = name;
        ValueType = valueType;
        TypeName = typeName;
        Expression = expression;
        MemoryId = memoryId;
    }

    /// <summary>The input's camelCase name in the JSON.</summary>
    public string Name { get; }

    /// <summary>The CLR type the value is converted to.</summary>
    public Type ValueType { get; }

    /// <summary>Elsa's type alias from the JSON (<c>String</c>, <c>Int32</c>, ...).</summary>
    public string? TypeName { get; }

    /// <summary>The expression that produces the value.</summary>
    public Expression Expression { get; }

    /// <summary>The memory reference Elsa writes for the input, kept for round-trips.</summary>
    public string? MemoryId { get; }

    /// <summary>Set when the expression is a literal, converted once at compile time.</summary>
    internal bool HasConstant { get; set; }

    internal object? Constant { get; set; }
}

/// <summary>A typed input.</summary>
public sealed class Input<T> : InputBinding
{
    internal Input(string name, string? typeName, Expression expression, string? memoryId)
        : base(name, typeof(T), typeName, expression, memoryId)
    {
    }
}

/// <summary>An activity output, optionally bound to a variable or workflow output through a memory reference.</summary>
public class OutputBinding
{
    internal OutputBinding(string name, Type valueType, string? typeName, string? memoryId)
    {
        Name = name;
        ValueType = valueType;
        TypeName = typeName;
        MemoryId = memoryId;
    }

    /// <summary>The output's camelCase name in the JSON.</summary>
    public string Name { get; }

    /// <summary>The CLR type of the value.</summary>
    public Type ValueType { get; }

    /// <summary>Elsa's type alias from the JSON.</summary>
    public string? TypeName { get; }

    /// <summary>The variable id or workflow output name the value is written to, if bound.</summary>
    public string? MemoryId { get; }
}

/// <summary>A typed output.</summary>
public sealed class Output<T> : OutputBinding
{
    internal Output(string name, string? typeName, string? memoryId) : base(name, typeof(T), typeName, memoryId)
    {
    }
}
