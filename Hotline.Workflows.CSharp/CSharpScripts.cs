using System.Collections.Concurrent;
using System.Dynamic;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// Compiles C# scripts with Roslyn against <see cref="CSharpGlobals"/>, with the assemblies and usings Elsa 3.8 gives
/// them (System, System.Linq, System.Collections.Generic, System.Dynamic, System.Text.Json(.Nodes/.Serialization) and
/// Microsoft.CSharp for <c>dynamic</c>). Each script text is compiled once and kept, up to a bound.
/// </summary>
internal sealed class CSharpScripts(int maxCached)
{
    private static readonly ScriptOptions Options = ScriptOptions.Default
        .WithOptimizationLevel(OptimizationLevel.Release)
        .WithReferences(
            typeof(CSharpGlobals).Assembly,
            typeof(Enumerable).Assembly,
            typeof(Guid).Assembly,
            typeof(JsonSerializer).Assembly,
            typeof(JsonNode).Assembly,
            typeof(IDictionary<string, object>).Assembly,
            typeof(ExpandoObject).Assembly,
            typeof(Microsoft.CSharp.RuntimeBinder.CSharpArgumentInfo).Assembly)
        .WithImports(
            typeof(CSharpGlobals).Namespace!,
            typeof(Enumerable).Namespace!,
            typeof(Guid).Namespace!,
            typeof(JsonSerializer).Namespace!,
            typeof(JsonConverter).Namespace!,
            typeof(JsonNode).Namespace!,
            typeof(IDictionary<string, object>).Namespace!,
            typeof(ExpandoObject).Namespace!);

    private readonly ConcurrentDictionary<string, Lazy<CompiledScript>> _cache = new(StringComparer.Ordinal);

    /// <summary>How many scripts are cached now.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>The compiled script (or its compile errors), compiling it at most once while it stays cached.</summary>
    public CompiledScript Get(string code)
    {
        if (_cache.TryGetValue(code, out var cached))
            return cached.Value;
        // Simple bound: a full cache is emptied rather than tracked per use; published definitions hold few scripts.
        if (_cache.Count >= maxCached)
            _cache.Clear();
        return _cache.GetOrAdd(code, static c => new Lazy<CompiledScript>(() => Compile(c))).Value;
    }

    private static CompiledScript Compile(string code)
    {
        var script = CSharpScript.Create<object>(code, Options, typeof(CSharpGlobals));
        var errors = script.Compile().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count > 0
            ? new CompiledScript(null, string.Join("; ", errors.Take(3).Select(d => d.ToString())))
            : new CompiledScript(script.CreateDelegate(), null);
    }
}

/// <summary>A compiled script, or why it did not compile.</summary>
internal sealed record CompiledScript(ScriptRunner<object>? Runner, string? Error);
