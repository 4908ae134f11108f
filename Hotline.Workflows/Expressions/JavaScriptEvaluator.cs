using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Acornima;
using Hotline.Workflows.Runtime;
using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Interop;
using static Hotline.Workflows.Expressions.JavaScriptValues;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// JavaScript expressions on Jint 4, configured as Elsa 3.8 configures it: modern syntax (arrow functions, let/const,
/// template literals, destructuring, optional chaining, classes), <c>return</c> at top level, Elsa's accessors
/// <c>getMyVariable()</c> / <c>setMyVariable(v)</c> for every variable and workflow input in scope,
/// <c>variables.MyVariable</c>, and its common functions (<see cref="JavaScriptFunctions"/>). Each script is parsed once
/// and cached; each evaluation gets a fresh engine (as in Elsa, so top-level declarations never clash) within
/// <see cref="JavaScriptLimits"/>, without access to .NET.
/// </summary>
public static partial class JavaScriptEvaluator
{
    private static readonly ConcurrentDictionary<string, CompiledScript> Compiled = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, (string Get, string Set, string PascalGet, string PascalSet)> AccessorFunctions = new(StringComparer.Ordinal);
    private static readonly ScriptPreparationOptions Preparation = new() { ParsingOptions = new ScriptParsingOptions { AllowReturnOutsideFunction = true } };
    private static readonly Lazy<HashSet<string>> EngineGlobals = new(() =>
        new Engine().Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal));

    [ThreadStatic]
    private static List<string>? _outcomes;

    internal static List<string>? Outcomes
    {
        get => _outcomes;
        set => _outcomes = value;
    }

    /// <summary>Evaluates a script in an activity's context.</summary>
    public static object? Evaluate(string script, ActivityExecutionContext context)
    {
        var compiled = Compiled.GetOrAdd(script, Compile);
        if (compiled.SyntaxError is { } syntaxError)
            throw Error(context, syntaxError.Message, syntaxError.LineNumber, syntaxError);
        var limits = context.Workflow.Services.JavaScript;
        var engine = new Engine(options => options
            .TimeoutInterval(limits.Timeout)
            .MaxStatements(limits.MaxStatements)
            .LimitMemory(limits.MemoryBytes)
            .LimitRecursion(limits.MaxRecursionDepth));
        var call = new JavaScriptCall(engine, context);
        try
        {
            Define(call, compiled.Names);
            var before = compiled.Names.Contains("variables") ? PublishVariables(call) : null;
            var result = engine.Evaluate(compiled.Prepared!.Value);
            if (before is not null)
                ReadBackVariables(call, before);
            return ToClr(engine, result);
        }
        catch (JavaScriptException e)
        {
            throw Error(context, e.Message, e.Location.Start.Line, e);
        }
        catch (Exception e) when (e is JintException or TimeoutException)
        {
            throw Error(context, Limit(e, limits), null, e);
        }
    }

    /// <summary>The outcomes a script chose with <c>setOutcome</c>/<c>setOutcomes</c>, taken once.</summary>
    public static IReadOnlyList<string>? TakeOutcomes()
    {
        var outcomes = _outcomes;
        _outcomes = null;
        return outcomes;
    }

    /// <summary>The global functions every script can call, besides <c>getX()</c>/<c>setX(v)</c> for the variables and inputs in scope.</summary>
    public static IReadOnlyCollection<string> BuiltInFunctions => (IReadOnlyCollection<string>)JavaScriptFunctions.All.Keys;

    /// <summary>Whether the script engine itself defines a global of that name (<c>Math</c>, <c>parseInt</c>, ...).</summary>
    public static bool IsEngineGlobal(string name) => EngineGlobals.Value.Contains(name);

    /// <summary>Checks that a script parses as <see cref="Evaluate"/> would run it (used when definitions are published).</summary>
    public static string? Check(string script) =>
        Compiled.GetOrAdd(script, Compile).SyntaxError is { } error ? $"{error.Description} (line {error.LineNumber})" : null;

    private static CompiledScript Compile(string script)
    {
        try
        {
            return new CompiledScript(Engine.PrepareScript(script, options: Preparation), null, Identifiers(script));
        }
        catch (ScriptPreparationException e) when (e.InnerException is ParseErrorException syntaxError)
        {
            return new CompiledScript(null, syntaxError, []);
        }
    }

    /// <summary>Every identifier-like word of the script: the accessors and functions to define for it.</summary>
    private static HashSet<string> Identifiers(string script) =>
        IdentifierPattern().Matches(script).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    private static void Define(JavaScriptCall call, HashSet<string> names)
    {
        var engine = call.Engine;
        foreach (var name in names)
            if (JavaScriptFunctions.All.TryGetValue(name, out var function))
                engine.SetValue(name, new ClrFunction(engine, name, (_, args) => function(call, args)));

        foreach (var scope in call.Context.Scopes())
            foreach (var name in scope.Definition.AccessorNames)
            {
                var (get, set, pascalGet, pascalSet) = AccessorFunctions.GetOrAdd(name, static n => ("get" + n, "set" + n, "get" + JavaScriptNames.Pascalize(n), "set" + JavaScriptNames.Pascalize(n)));
                DefineAccessors(call, names, get, set, name);
                DefineAccessors(call, names, pascalGet, pascalSet, name);
            }

        foreach (var name in names)
            if (engine.GetValue(name).IsUndefined() && JavaScriptOutputs.TryResolveAccessor(call.Context.Node, name, out var activity, out var output))
                engine.SetValue(name, new ClrFunction(engine, name, (_, _) => ToJs(engine, call.Context.Workflow.Outputs.Find(call.Context, activity!.NodeId, output))));
    }

    /// <summary>Defines a variable's getter and setter where the script names them, unless an inner scope already did.</summary>
    private static void DefineAccessors(JavaScriptCall call, HashSet<string> names, string get, string set, string variable)
    {
        var engine = call.Engine;
        if (names.Contains(get) && engine.GetValue(get).IsUndefined())
            engine.SetValue(get, new ClrFunction(engine, get, (_, _) => ToJs(engine, call.Context.TryGetVariable(variable, out var v) ? v : null)));
        if (names.Contains(set) && engine.GetValue(set).IsUndefined())
            engine.SetValue(set, new ClrFunction(engine, set, (_, args) => call.SetVariable(variable, args.Length > 0 ? args[0] : JsValue.Undefined)));
    }

    private static Dictionary<string, JsValue> PublishVariables(JavaScriptCall call)
    {
        var variables = new JsObject(call.Engine);
        var published = new Dictionary<string, JsValue>(StringComparer.Ordinal);
        foreach (var scope in call.Context.Scopes().Reverse())
            foreach (var variable in scope.Definition.Variables)
            {
                var value = ToJs(call.Engine, scope.Memory.GetValueOrDefault(variable.Id));
                variables.Set(variable.Name, value);
                published[variable.Name] = value;
            }

        call.Engine.SetValue("variables", variables);
        return published;
    }

    private static void ReadBackVariables(JavaScriptCall call, Dictionary<string, JsValue> before)
    {
        if (call.Engine.GetValue("variables") is not ObjectInstance variables)
            return;
        foreach (var (name, original) in before)
        {
            var now = variables.Get(name);
            if (!ReferenceEquals(now, original) && !now.Equals(original))
                call.Context.SetVariable(name, ToClr(call.Engine, now));
        }
    }

    private static string Limit(Exception e, JavaScriptLimits limits) => e switch
    {
        TimeoutException => $"the script ran longer than its time limit ({limits.Timeout.TotalSeconds:0.###} s)",
        StatementsCountOverflowException => $"the script ran more statements than its limit ({limits.MaxStatements})",
        MemoryLimitExceededException => $"the script allocated more memory than its limit ({limits.MemoryBytes / 1024 / 1024} MiB)",
        RecursionDepthOverflowException => $"the script's calls nested deeper than its recursion limit ({limits.MaxRecursionDepth})",
        _ => e.Message,
    };

    private static ExpressionEvaluationException Error(ActivityExecutionContext context, string message, int? line, Exception inner) =>
        new($"JavaScript error in activity '{context.Node.DisplayName}' ({context.Node.Id}){(line is > 0 ? $" at line {line}" : "")}: {message}", inner);

    [GeneratedRegex(@"[A-Za-z_$][\w$]*")]
    private static partial Regex IdentifierPattern();

    private sealed record CompiledScript(Prepared<Acornima.Ast.Script>? Prepared, ParseErrorException? SyntaxError, HashSet<string> Names);
}
