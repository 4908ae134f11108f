using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// The <c>CSharp</c> expression syntax: a Roslyn script whose value is the expression's value. A script that throws or
/// runs past <see cref="CSharpLimits.Timeout"/> faults its activity with an error naming it.
/// </summary>
public sealed class CSharpSyntax(CSharpLimits limits) : IExpressionSyntax
{
    /// <summary>The syntax name Elsa stores.</summary>
    public const string SyntaxName = "CSharp";

    /// <inheritdoc />
    public string Name => SyntaxName;

    private readonly CSharpScripts _scripts = new(limits.MaxCachedScripts);

    /// <summary>The limits each evaluation runs within.</summary>
    public CSharpLimits Limits { get; } = limits;

    /// <summary>How many compiled scripts are kept now.</summary>
    public int CachedScripts => _scripts.CachedCount;

    /// <inheritdoc />
    public object? Evaluate(string script, ActivityExecutionContext context) => Run(script, context).Result;

    /// <inheritdoc />
    public string? Check(string script) => _scripts.Get(script).Error;

    /// <inheritdoc />
    IReadOnlyCollection<string> IExpressionSyntax.VariableNames(string script) => ScriptVariableNames.Find(script);

    /// <summary>Runs a script: its value and the outcomes it set with <c>Outcome.Set</c>.</summary>
    public (object? Result, IReadOnlyList<string>? Outcomes) Run(string script, ActivityExecutionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var compiled = _scripts.Get(script);
        if (compiled.Runner is not { } runner)
            throw Error(context, $"the script does not compile: {compiled.Error}", null);
        using var timeout = new CancellationTokenSource();
        var globals = new CSharpGlobals(context, timeout.Token);
        // On a pool thread so that the caller can stop waiting: .NET cannot stop the script itself, only cancel its token.
        var run = Task.Run(() => runner(globals, timeout.Token), CancellationToken.None);
        try
        {
            if (!run.Wait(Limits.Timeout))
            {
                timeout.Cancel();
                throw Error(context, $"the script ran longer than its time limit ({Limits.Timeout.TotalSeconds:0.###} s)", null);
            }
        }
        catch (AggregateException e) when (e.InnerException is { } inner)
        {
            throw Error(context, inner is OperationCanceledException ? "the script was cancelled" : inner.Message, inner);
        }

        return (ScriptValues.ToScript(run.Result), globals.Outcome.Names);
    }

    private static ExpressionEvaluationException Error(ActivityExecutionContext context, string message, Exception? inner) =>
        new($"C# error in activity '{context.Node.DisplayName}' ({context.Node.Id}): {message}", inner ?? new InvalidOperationException(message));
}
