using System.Text.Json;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Definitions;

/// <summary>
/// Publish-time checks of what an activity evaluates, so that a typo is refused when publishing rather than faulting
/// every instance: required inputs have a value; JavaScript compiles the way the evaluator runs it and names only
/// variables and inputs in scope; <c>Variable</c> and <c>Input</c> expressions name existing ones; literals convert.
/// The scope is what the activity sees when it runs: its workflow's variables and inputs, and those of the workflows
/// enclosing it.
/// </summary>
public static class ExpressionChecks
{
    /// <summary>The problems of one activity, each naming the input.</summary>
    public static IEnumerable<DefinitionError> Check(ActivityNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var scope = StaticScope.Of(node);
        foreach (var input in node.Descriptor.Inputs.Where(i => i.IsRequired))
            if (!node.Inputs.TryGetValue(input.Name, out var binding) || IsEmpty(binding.Expression))
                yield return DefinitionError.At(node, $"'{input.DisplayName}' is required.", WorkflowCompiler.CamelCase(input.Name));

        foreach (var site in node.Activity.EvaluatedExpressions())
            foreach (var message in Check(site, scope, node))
                yield return DefinitionError.At(node, site.Part is null ? message : $"In {site.Part}: {message}", site.Input);
    }

    private static bool IsEmpty(Expression expression) =>
        expression.Type == "Variable" ? ExpressionEvaluator.VariableReference(expression) is (null or "", null or "") : string.IsNullOrWhiteSpace(expression.Text);

    private static List<string> Check(ExpressionSite site, StaticScope scope, ActivityNode node)
    {
        var expression = site.Expression;
        switch (expression.Type)
        {
            case "JavaScript" when !string.IsNullOrWhiteSpace(expression.Text):
                if (JavaScriptEvaluator.Check(expression.Text) is { } syntaxError)
                    return [$"The JavaScript does not compile: {syntaxError}"];
                return CheckReferences(JavaScriptReferences.Find(expression.Text), scope, node);
            case "Variable" when !IsEmpty(expression):
                return CheckVariable(expression, scope);
            case "Input" when !string.IsNullOrWhiteSpace(expression.Text):
                return scope.HasInput(expression.Text) ? [] : [$"The workflow has no input named '{expression.Text}' ({scope.DescribeInputs()})."];
            case var _ when ExpressionSyntaxes.Find(expression.Type) is { } plugged && !string.IsNullOrWhiteSpace(expression.Text):
                if (plugged.Check(expression.Text) is { } error)
                    return [$"The {plugged.Name} script does not compile: {error}"];
                return plugged.VariableNames(expression.Text).Where(n => !scope.HasVariable(n))
                    .Select(n => $"The script uses Variables.{n}, but there is no variable named '{n}' ({scope.DescribeVariables()}).").ToList();
            default:
                return ExpressionEvaluator.IsConstant(expression) ? CheckConstant(expression, site.ValueType) : [];
        }
    }

    private static List<string> CheckVariable(Expression expression, StaticScope scope)
    {
        string? name, id;
        try
        {
            (name, id) = ExpressionEvaluator.VariableReference(expression);
        }
        catch (JsonException e)
        {
            return [$"'{expression.Text}' is not a variable reference ({e.Message})."];
        }

        // As the evaluator: by name among the variables and inputs in scope, else by the variable's id.
        if ((name is not null && (scope.HasVariable(name) || scope.HasInput(name))) || (id is not null && scope.HasVariableId(id)))
            return [];
        return [$"The variable '{name ?? id}' does not exist ({scope.DescribeVariables()})."];
    }

    private static List<string> CheckConstant(Expression expression, Type valueType)
    {
        try
        {
            ExpressionEvaluator.ConvertConstant(expression, valueType);
            return [];
        }
        catch (Exception e) when (ExpressionEvaluator.IsConversionError(e))
        {
            return [$"The literal '{expression.Text}' is not a valid {ValueConverter.AliasOf(valueType)} ({e.Message})."];
        }
    }

    private static List<string> CheckReferences(JavaScriptReferences references, StaticScope scope, ActivityNode node)
    {
        var problems = new List<string>();
        foreach (var call in references.AccessorCalls)
        {
            // The evaluator defines get<Name>()/set<Name>(v) for each variable and input in scope, with the name as declared,
            // and get<Output>From<Activity>() for each output of each activity of the same workflow.
            if (!scope.HasAccessor(call[3..]) && !JavaScriptEvaluator.BuiltInFunctions.Contains(call) && !JavaScriptEvaluator.IsEngineGlobal(call)
                && !JavaScriptOutputs.TryResolveAccessor(node, call, out _, out _))
                problems.Add($"The script calls {call}(), but there is no variable or input named '{call[3..]}' (names are case-sensitive in scripts; {scope.DescribeVariables()}; {scope.DescribeInputs()}).");
        }

        foreach (var name in references.VariableProperties.Where(n => !scope.HasVariable(n, StringComparison.Ordinal)))
            problems.Add($"The script uses variables.{name}, but there is no variable named '{name}' (names are case-sensitive in scripts; {scope.DescribeVariables()}).");
        foreach (var name in references.InputNames.Where(n => !scope.HasInput(n)))
            problems.Add($"The script calls getInput(\"{name}\"), but the workflow has no input named '{name}' ({scope.DescribeInputs()}).");
        foreach (var name in references.ReadVariableNames.Where(n => !scope.HasVariable(n) && !scope.HasInput(n)))
            problems.Add($"The script calls getVariable(\"{name}\"), but there is no variable named '{name}' ({scope.DescribeVariables()}).");
        foreach (var name in references.WrittenVariableNames.Where(n => !scope.HasVariable(n)))
            problems.Add($"The script calls setVariable(\"{name}\"), but there is no variable named '{name}' ({scope.DescribeVariables()}).");
        return problems;
    }

    /// <summary>The variables and inputs an activity sees when it runs, nearest workflow first.</summary>
    private sealed class StaticScope
    {
        private readonly List<ScopeDefinition> _scopes;

        private StaticScope(List<ScopeDefinition> scopes) => _scopes = scopes;

        // A workflow used as an activity evaluates its own inputs in the scope it is used in, as the runtime does.
        public static StaticScope Of(ActivityNode node)
        {
            var scopes = new List<ScopeDefinition>();
            for (var current = node.Activity is IScopeBoundary ? node.Parent : node; current is not null; current = current.Parent)
                if (current.Scope is { } scope && !scopes.Contains(scope))
                    scopes.Add(scope);
            return new StaticScope(scopes);
        }

        public bool HasVariable(string name, StringComparison comparison = StringComparison.OrdinalIgnoreCase) =>
            _scopes.Exists(s => s.Variables.Any(v => string.Equals(v.Name, name, comparison)));

        public bool HasVariableId(string id) =>
            _scopes.Exists(s => s.VariablesById.ContainsKey(id) || s.Outputs.Any(o => string.Equals(o.Name, id, StringComparison.OrdinalIgnoreCase)));

        public bool HasInput(string name) => _scopes.Exists(s => s.Inputs.Any(i => string.Equals(i.Name, name, StringComparison.OrdinalIgnoreCase)));

        public bool HasAccessor(string name) => _scopes.Exists(s => s.AccessorNames.Any(n => JavaScriptNames.IsAccessorOf(name, n)));

        public string DescribeVariables() => Describe("variables", _scopes.SelectMany(s => s.Variables.Select(v => v.Name)));

        public string DescribeInputs() => Describe("inputs", _scopes.SelectMany(s => s.Inputs.Select(i => i.Name)));

        private static string Describe(string what, IEnumerable<string> names) =>
            names.Distinct(StringComparer.Ordinal).ToList() is { Count: > 0 } list ? $"{what}: {string.Join(", ", list)}" : $"no {what} are declared";
    }
}
