using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;
using Jurassic;
using Jurassic.Library;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// JavaScript expressions with Elsa's accessors: <c>getMyVariable()</c> / <c>setMyVariable(v)</c> for every variable and
/// workflow input in scope, <c>variables.MyVariable</c>, <c>getVariable(name)</c>, <c>setVariable(name, v)</c>,
/// <c>getInput(name)</c>, <c>getWorkflowInstanceId()</c>, <c>getCorrelationId()</c>, <c>setOutcome(s)</c>. Scripts may
/// <c>return</c> at top level, as Elsa allows. Runs on Jurassic (ES5 plus let/const, template literals, classes).
/// </summary>
public static class JavaScriptEvaluator
{
    private static readonly ConcurrentDictionary<string, CompiledEval> Compiled = new(StringComparer.Ordinal);
    private static readonly Lazy<HashSet<string>> EngineGlobals = new(() =>
        new ScriptEngine().Global.Properties.Select(p => p.Key.ToString() ?? "").ToHashSet(StringComparer.Ordinal));

    [ThreadStatic]
    private static EngineSlot? _slot;

    /// <summary>Evaluates a script in an activity's context.</summary>
    public static object? Evaluate(string script, ActivityExecutionContext context)
    {
        var slot = _slot ??= new EngineSlot();
        var compiled = Compiled.GetOrAdd(script, Compile);
        var previous = slot.Current;
        slot.Current = context;
        try
        {
            slot.DefineAccessors(context);
            var usesVariables = script.Contains("variables", StringComparison.Ordinal);
            Dictionary<string, object?>? before = usesVariables ? slot.PublishVariables(context) : null;
            object? result;
            try
            {
                result = compiled.Evaluate(slot.Engine);
            }
            catch (Exception e) when (e.Message.Contains("Return statements", StringComparison.Ordinal))
            {
                // A syntax error, so nothing ran. Elsa's Jint allows return at top level; a function wrapper means the same.
                compiled = Compiled[script] = Wrap(script);
                result = compiled.Evaluate(slot.Engine);
            }

            if (before is not null)
                slot.ReadBackVariables(context, before);
            return ToClr(slot.Engine, result);
        }
        catch (Exception e) when (e is JavaScriptException or Jurassic.Compiler.SyntaxErrorException)
        {
            throw new InvalidOperationException($"JavaScript error: {e.Message}", e);
        }
        finally
        {
            slot.Current = previous;
        }
    }

    /// <summary>The outcomes a script chose with <c>setOutcome</c>/<c>setOutcomes</c>, taken once.</summary>
    public static IReadOnlyList<string>? TakeOutcomes()
    {
        var slot = _slot;
        if (slot?.Outcomes is not { } outcomes)
            return null;
        slot.Outcomes = null;
        return outcomes;
    }

    /// <summary>The global functions every script can call, besides <c>getX()</c>/<c>setX(v)</c> for the variables and inputs in scope.</summary>
    public static IReadOnlyCollection<string> BuiltInFunctions => (IReadOnlyCollection<string>)EngineSlot.Functions.Keys;

    /// <summary>Whether the script engine itself defines a global of that name (<c>Math</c>, <c>parseInt</c>, ...).</summary>
    public static bool IsEngineGlobal(string name) => EngineGlobals.Value.Contains(name);

    /// <summary>Checks that a script compiles as <see cref="Evaluate"/> would run it (used when definitions are published).</summary>
    public static string? Check(string script)
    {
        try
        {
            Compiled.GetOrAdd(script, Compile);
            return null;
        }
        catch (Exception e) when (e is JavaScriptException or Jurassic.Compiler.SyntaxErrorException)
        {
            return e.Message;
        }
    }

    private static CompiledEval Compile(string script)
    {
        try
        {
            return CompiledEval.Compile(new StringScriptSource(script));
        }
        catch (Exception e) when (e.Message.Contains("Return statements", StringComparison.Ordinal))
        {
            return Wrap(script);
        }
    }

    private static CompiledEval Wrap(string script) => CompiledEval.Compile(new StringScriptSource("(function(){\n" + script + "\n}).call(this)"));

    internal static object ToJs(ScriptEngine engine, object? value) => value switch
    {
        null => Null.Value,
        string or bool or int or double => value,
        long l => (double)l,
        decimal m => (double)m,
        float f => (double)f,
        DateTimeOffset or DateTime or TimeSpan or Guid or Enum => ValueConverter.ToText(value)!,
        JsonValue v => ToJs(engine, ValueConverter.Unwrap(v)),
        _ => JSONObject.Parse(engine, ValueConverter.ToJson(value)!.ToJsonString()),
    };

    internal static object? ToClr(ScriptEngine engine, object? value) => value switch
    {
        null or Null or Undefined => null,
        ConcatenatedString s => s.ToString(),
        string or bool or int or double => value,
        FunctionInstance => null,
        ObjectInstance o => JsonNode.Parse(TypeConverter.ToString(JSONObject.Stringify(engine, o))),
        _ => value,
    };

    private sealed class EngineSlot
    {
        private readonly HashSet<string> _accessors = new(StringComparer.Ordinal);

        // Every global function a script can call besides the per-variable accessors; BuiltInFunctions lists their names.
        internal static readonly IReadOnlyDictionary<string, Func<EngineSlot, Delegate>> Functions = new Dictionary<string, Func<EngineSlot, Delegate>>(StringComparer.Ordinal)
        {
            ["getVariable"] = slot => new Func<string, object>(name => ToJs(slot.Engine, slot.Current!.TryGetVariable(name, out var v) ? v : null)),
            ["setVariable"] = slot => new Action<string, object>((name, value) => slot.Current!.SetVariable(name, ToClr(slot.Engine, value))),
            ["getInput"] = slot => new Func<string, object>(name => ToJs(slot.Engine, slot.Current!.Scopes().Select(s => s.Input.GetValueOrDefault(name)).FirstOrDefault(v => v is not null))),
            ["getWorkflowInstanceId"] = slot => new Func<string>(() => slot.Current!.WorkflowInstanceId),
            ["getCorrelationId"] = slot => new Func<object>(() => (object?)slot.Current!.Workflow.CorrelationId ?? Null.Value),
            ["setCorrelationId"] = slot => new Action<string>(id => slot.Current!.Workflow.CorrelationId = id),
            ["setOutcome"] = slot => new Action<string>(outcome => slot.Outcomes = [outcome]),
            ["setOutcomes"] = slot => new Action<ArrayInstance>(outcomes => slot.Outcomes = outcomes.ElementValues.Select(x => TypeConverter.ToString(x)).ToList()),
            ["isNullOrEmpty"] = _ => new Func<object, bool>(v => v is null or Null or Undefined || TypeConverter.ToString(v).Length == 0),
        };

        public EngineSlot()
        {
            Engine = new ScriptEngine();
            foreach (var (name, create) in Functions)
                Engine.SetGlobalFunction(name, create(this));
            Engine.SetGlobalValue("variables", Engine.Object.Construct());
        }

        public ScriptEngine Engine { get; }
        public ActivityExecutionContext? Current { get; set; }
        public List<string>? Outcomes { get; set; }

        public void DefineAccessors(ActivityExecutionContext context)
        {
            foreach (var scope in context.Scopes())
                foreach (var name in scope.Definition.AccessorNames)
                    if (IsIdentifier(name) && _accessors.Add(name))
                    {
                        var captured = name;
                        Engine.SetGlobalFunction("get" + captured, new Func<object>(() => ToJs(Engine, Current!.TryGetVariable(captured, out var v) ? v : null)));
                        Engine.SetGlobalFunction("set" + captured, new Action<object>(value => Current!.SetVariable(captured, ToClr(Engine, value))));
                    }
        }

        public Dictionary<string, object?> PublishVariables(ActivityExecutionContext context)
        {
            var variables = Engine.Object.Construct();
            var published = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var scope in context.Scopes().Reverse())
                foreach (var variable in scope.Definition.Variables)
                {
                    var value = ToJs(Engine, scope.Memory.GetValueOrDefault(variable.Id));
                    variables.SetPropertyValue(variable.Name, value, throwOnError: false);
                    published[variable.Name] = value;
                }

            Engine.SetGlobalValue("variables", variables);
            return published;
        }

        public void ReadBackVariables(ActivityExecutionContext context, Dictionary<string, object?> before)
        {
            var variables = (ObjectInstance)Engine.GetGlobalValue("variables");
            foreach (var (name, original) in before)
            {
                var now = variables.GetPropertyValue(name);
                if (!ReferenceEquals(now, original) && !Equals(now, original))
                    context.SetVariable(name, ToClr(Engine, now));
            }
        }

        private static bool IsIdentifier(string name) =>
            name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_');
    }
}
