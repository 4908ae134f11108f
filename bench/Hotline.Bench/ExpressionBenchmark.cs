using System.Diagnostics;
using System.Globalization;
using Hotline.Workflows.Activities;
using Hotline.Workflows.CSharp;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Bench;

/// <summary>
/// <c>--expressions</c>: what one JavaScript evaluation costs (mean time and bytes allocated), for expressions taken from
/// the shipped definitions, evaluated in a running activity's context with its variables in scope; then the same
/// expressions in C#: the first compile of each (Roslyn) and the cached evaluation.
/// </summary>
internal static class ExpressionBenchmark
{
    private static readonly string[] Scripts =
    [
        "getCaseId()",
        "({ answer: getAnswer() })",
        "getIsComplex() === true",
        "getOperation().reason || ''",
    ];

    private static readonly string[] CSharpScripts =
    [
        "Variables.CaseId",
        "new Dictionary<string, object> { [\"answer\"] = Variables.Answer }",
        "(bool)Variables.IsComplex == true",
        "(string)Variables.Operation ?? \"\"",
    ];

    private const string Definition = """
        {
          "id": "bench-js", "definitionId": "bench-js", "version": 1,
          "variables": [
            { "id": "v-case", "name": "CaseId", "typeName": "String", "value": "c-20261205-0001" },
            { "id": "v-answer", "name": "Answer", "typeName": "String", "value": "已处理" },
            { "id": "v-complex", "name": "IsComplex", "typeName": "Boolean", "value": "true" },
            { "id": "v-operation", "name": "Operation", "typeName": "Object", "value": "{\"reason\":\"超时\",\"by\":\"u1\"}" }
          ],
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [ { "id": "measure", "type": "Hotline.Bench.MeasureScripts", "version": 1 } ], "connections": [] }
        }
        """;

    public static async Task RunAsync(int iterations)
    {
        var registry = ActivityRegistry.CreateDefault();
        registry.Register(typeof(MeasureScripts));
        var blueprint = WorkflowCompiler.Compile(WorkflowDefinitionReader.Parse(Definition), registry);
        MeasureScripts.Iterations = iterations;
        var context = await WorkflowExecutor.StartAsync(blueprint, new StartOptions(), new EngineServices());
        if (context.SubStatus != WorkflowSubStatus.Finished)
            throw new InvalidOperationException($"Instance ended {context.SubStatus}: {string.Join("; ", context.Incidents.Select(i => i.Message))}");
    }

    /// <summary>Evaluates each script in its own context: a warm-up, then <see cref="Iterations"/> timed evaluations.</summary>
    [Activity("Hotline.Bench", "Bench", "Measures JavaScript evaluations")]
    public sealed class MeasureScripts : CodeActivity
    {
        public static int Iterations { get; set; }

        protected override Outcomes Execute(ActivityExecutionContext context)
        {
            foreach (var script in Scripts)
            {
                for (var i = 0; i < 2_000; i++)
                    JavaScriptEvaluator.Evaluate(script, context);
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < Iterations; i++)
                    JavaScriptEvaluator.Evaluate(script, context);
                stopwatch.Stop();
                var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{script,-32} {stopwatch.Elapsed.TotalMicroseconds / Iterations,8:F2} µs, {allocated / (double)Iterations,8:F0} B allocated per evaluation ({Iterations} evaluations)"));
            }

            MeasureCSharp(context);
            return Outcomes.Done;
        }

        // Allocations are the calling thread's: the script itself runs on a pool thread (so that its time limit can be kept), which they do not count.
        private static void MeasureCSharp(ActivityExecutionContext context)
        {
            var syntax = new CSharpSyntax(CSharpLimits.Default);
            foreach (var script in CSharpScripts)
            {
                var compile = Stopwatch.StartNew();
                syntax.Evaluate(script, context);
                compile.Stop();
                for (var i = 0; i < 2_000; i++)
                    syntax.Evaluate(script, context);
                var stopwatch = Stopwatch.StartNew();
                for (var i = 0; i < Iterations; i++)
                    syntax.Evaluate(script, context);
                stopwatch.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"C# {script,-60} first (compile) {compile.Elapsed.TotalMilliseconds,7:F0} ms, cached {stopwatch.Elapsed.TotalMicroseconds / Iterations,8:F2} µs per evaluation ({Iterations} evaluations)"));
            }
        }
    }
}
