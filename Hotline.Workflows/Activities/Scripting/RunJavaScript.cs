using Hotline.Workflows.Expressions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Scripting;

/// <summary>Runs a script; its value becomes the result, and <c>setOutcome(s)</c> picks the ports.</summary>
[Activity("Elsa", "Scripting", "Executes JavaScript code", DisplayName = "Run JavaScript")]
public sealed class RunJavaScript : CodeActivity
{
    /// <summary>The script.</summary>
    [Input(Description = "The script to run.", UIHint = "code-editor", DefaultSyntax = "JavaScript")]
    public Input<string>? Script { get; set; }

    /// <summary>Ports the script may choose with setOutcome.</summary>
    [Input(Description = "A list of possible outcomes.", UIHint = "dynamic-outcomes")]
    public Input<List<string>>? PossibleOutcomes { get; set; }

    /// <summary>The script's value.</summary>
    [Output(Description = "The value the script returned.")]
    public Output<object>? Result { get; set; }

    /// <inheritdoc />
    public override IEnumerable<ExpressionSite> EvaluatedExpressions() =>
        base.EvaluatedExpressions().Select(site => site.Input == "script" && site.Expression.Type is "Literal" or "JavaScript"
            ? site with { Expression = new Expression("JavaScript", site.Expression.Value) }
            : site);

    /// <inheritdoc />
    protected override Outcomes Execute(ActivityExecutionContext context)
    {
        // The script input holds the script itself (Elsa stores it as a Literal); it is run, not evaluated into text.
        var script = Script?.Expression.Type is "Literal" or "JavaScript" ? Script.Expression.Text : context.Get(Script);
        if (string.IsNullOrWhiteSpace(script))
            return Outcomes.Done;
        JavaScriptEvaluator.TakeOutcomes();
        var result = JavaScriptEvaluator.Evaluate(script, context);
        if (result is not null)
            context.Set(Result, result);
        return JavaScriptEvaluator.TakeOutcomes() is { Count: > 0 } outcomes ? new Outcomes(outcomes) : Outcomes.Done;
    }
}
