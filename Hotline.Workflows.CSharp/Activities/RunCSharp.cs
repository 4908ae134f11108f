using Hotline.Workflows.Activities;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.CSharp.Activities;

/// <summary>Runs C# code (Roslyn); its value becomes the result, and <c>Outcome.Set(...)</c> picks the ports.</summary>
[Activity("Elsa", "Scripting", "Executes C# code", DisplayName = "Run C#")]
public sealed class RunCSharp : CodeActivity
{
    /// <summary>The script.</summary>
    [Input(Description = "The script to run.", UIHint = "code-editor", DefaultSyntax = CSharpSyntax.SyntaxName)]
    public Input<string>? Script { get; set; }

    /// <summary>Ports the script may choose with Outcome.Set.</summary>
    [Input(Description = "A list of possible outcomes.", UIHint = "dynamic-outcomes")]
    public Input<List<string>>? PossibleOutcomes { get; set; }

    /// <summary>The script's value.</summary>
    [Output(Description = "The value the script returned.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override IEnumerable<ExpressionSite> EvaluatedExpressions() =>
        base.EvaluatedExpressions().Select(site => site.Input == "script" && IsScriptItself(site.Expression)
            ? site with { Expression = new Expression(CSharpSyntax.SyntaxName, site.Expression.Value) }
            : site);

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        // The script input holds the script itself (Elsa stores it as a Literal); it is run, not evaluated into text.
        var script = Script is not null && IsScriptItself(Script.Expression) ? Script.Expression.Text : context.Get(Script);
        if (string.IsNullOrWhiteSpace(script))
            return Outcomes.Done;
        var syntax = ExpressionSyntaxes.Find(CSharpSyntax.SyntaxName) as CSharpSyntax
            ?? throw new InvalidOperationException("C# is not enabled in this host (CSharpExpressions.Register).");
        var (result, outcomes) = syntax.Run(script, context);
        if (result is not null)
            context.Set(Result, result);
        return outcomes is { Count: > 0 } ? new Outcomes(outcomes) : Outcomes.Done;
    }

    private static bool IsScriptItself(Expression expression) => expression.Type is "Literal" or CSharpSyntax.SyntaxName;
}
