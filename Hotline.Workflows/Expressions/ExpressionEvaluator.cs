using System.Text.Json;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Expressions;

/// <summary>Evaluates Elsa expressions: <c>Literal</c>, <c>Object</c>, <c>Variable</c>, <c>Input</c> and <c>JavaScript</c>.</summary>
public static class ExpressionEvaluator
{
    /// <summary>The syntaxes this engine evaluates.</summary>
    public static readonly IReadOnlyList<string> SupportedSyntaxes = ["Literal", "Object", "Json", "Variable", "Input", "JavaScript"];

    /// <summary>Whether a syntax is supported.</summary>
    public static bool IsSupported(string syntax) => SupportedSyntaxes.Contains(syntax, StringComparer.OrdinalIgnoreCase);

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
                throw new NotSupportedException($"Expression syntax '{expression.Type}' is not supported.");
        }
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
        string? name = expression.Text;
        string? id = null;
        if (expression.Value is JsonObject reference)
        {
            name = reference["name"]?.GetValue<string>();
            id = reference["id"]?.GetValue<string>();
        }
        else if (name is not null && name.TrimStart().StartsWith('{'))
        {
            var parsed = JsonNode.Parse(name);
            name = parsed?["name"]?.GetValue<string>();
            id = parsed?["id"]?.GetValue<string>();
        }

        if (name is not null && context.TryGetVariable(name, out var value))
            return value;
        if (id is not null)
            return context.ReadMemory(id);
        throw new InvalidOperationException($"No variable named '{name}' is declared.");
    }

    private static object? ReadInput(string? name, ActivityExecutionContext context)
    {
        foreach (var scope in context.Scopes())
            if (name is not null && scope.Input.TryGetValue(name, out var value))
                return value;
        return null;
    }
}
