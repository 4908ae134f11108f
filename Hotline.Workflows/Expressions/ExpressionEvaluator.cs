using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Expressions;

/// <summary>Evaluates Elsa expressions: <c>Literal</c>, <c>Object</c>, <c>Variable</c>, <c>Input</c> and <c>JavaScript</c>.</summary>
public static class ExpressionEvaluator
{
    private static readonly string[] BuiltInSyntaxes = ["Literal", "Object", "Json", "Variable", "Input", "JavaScript"];

    /// <summary>The syntaxes this engine evaluates: the built-in ones and those plugged in (<see cref="ExpressionSyntaxes"/>).</summary>
    public static IReadOnlyList<string> SupportedSyntaxes => [.. BuiltInSyntaxes, .. ExpressionSyntaxes.Names];

    /// <summary>Whether a syntax is supported.</summary>
    public static bool IsSupported(string syntax) => BuiltInSyntaxes.Contains(syntax, StringComparer.OrdinalIgnoreCase) || ExpressionSyntaxes.Find(syntax) is not null;

    /// <summary>Evaluates an expression in an activity's context and converts the result.</summary>
    public static object? Evaluate(Expression expression, Type target, ActivityExecutionContext context)
    {
        switch (expression.Type)
        {
            case "Literal":
                return ValueConverter.FromLiteral(expression.Text, target);
            case "Object":
            case "Json":
                return ValueConverter.Convert(ParseObject(expression), target);
            case "Variable":
                return ValueConverter.Convert(ReadVariable(expression, context), target);
            case "Input":
                return ValueConverter.Convert(ReadInput(expression.Text, context), target);
            case "JavaScript":
                return string.IsNullOrWhiteSpace(expression.Text) ? ValueConverter.Convert(null, target) : ValueConverter.Convert(JavaScriptEvaluator.Evaluate(expression.Text, context), target);
            default:
                if (ExpressionSyntaxes.Find(expression.Type) is { } plugged)
                    return string.IsNullOrWhiteSpace(expression.Text) ? ValueConverter.Convert(null, target) : ValueConverter.Convert(plugged.Evaluate(expression.Text, context), target);
                throw new NotSupportedException($"Expression syntax '{expression.Type}' is not supported.");
        }
    }

    /// <summary>Whether an expression's value does not depend on the execution (<c>Literal</c>, <c>Object</c>, <c>Json</c>).</summary>
    public static bool IsConstant(Expression expression) => expression.Type is "Literal" or "Object" or "Json";

    /// <summary>Converts a constant expression to the input's type; throws what <see cref="IsConversionError"/> recognises.</summary>
    public static object? ConvertConstant(Expression expression, Type target) =>
        expression.Type != "Literal"
            ? ValueConverter.Convert(ParseObject(expression), target)
            : expression.Value is JsonValue jv && jv.GetValueKind() is not JsonValueKind.String
                ? ValueConverter.Convert(jv, target)
                : ValueConverter.FromLiteral(expression.Text, target);

    /// <summary>Whether an exception is a value that does not convert (rather than a bug).</summary>
    public static bool IsConversionError(Exception exception) =>
        exception is FormatException or InvalidCastException or OverflowException or ArgumentException or JsonException;

    /// <summary>The variable a <c>Variable</c> expression names: a reference <c>{id, name}</c>, its JSON as text, or a bare name.</summary>
    public static (string? Name, string? Id) VariableReference(Expression expression)
    {
        if (expression.Value is JsonObject reference)
            return (reference["name"]?.GetValue<string>(), reference["id"]?.GetValue<string>());
        var text = expression.Text;
        if (text is not null && text.TrimStart().StartsWith('{'))
        {
            var parsed = JsonNode.Parse(text);
            return (parsed?["name"]?.GetValue<string>(), parsed?["id"]?.GetValue<string>());
        }

        return (text, null);
    }

    /// <summary>The JSON of an <c>Object</c> expression (text that is not JSON is taken as a string).</summary>
    internal static JsonNode? ParseObject(Expression expression)
    {
        if (expression.Value is JsonObject or JsonArray)
            return expression.Value.DeepClone();
        if (string.IsNullOrWhiteSpace(expression.Text))
            return null;
        try
        {
            return JsonNode.Parse(expression.Text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(expression.Text);
        }
    }

    private static object? ReadVariable(Expression expression, ActivityExecutionContext context)
    {
        var (name, id) = VariableReference(expression);
        if (name is not null && context.TryGetVariable(name, out var value))
            return value;
        if (id is not null)
            return context.ReadMemory(id);
        throw new InvalidOperationException($"No variable named '{name}' is declared.");
    }

    private static object? ReadInput(string? name, ActivityExecutionContext context) =>
        name is not null && context.TryGetInput(name, out var value) ? value : null;
}
