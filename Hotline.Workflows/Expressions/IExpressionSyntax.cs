using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// An expression syntax a host plugs into the engine (C#, from Hotline.Workflows.CSharp), so that the engine does not
/// carry every language's compiler. Registered once per process with <see cref="ExpressionSyntaxes.Register"/>.
/// </summary>
public interface IExpressionSyntax
{
    /// <summary>The syntax name as Elsa stores it in an expression's <c>type</c> (<c>CSharp</c>).</summary>
    string Name { get; }

    /// <summary>Evaluates a script in an activity's context; throws <see cref="ExpressionEvaluationException"/> naming the activity.</summary>
    object? Evaluate(string script, ActivityExecutionContext context);

    /// <summary>Why a script would not compile, or <c>null</c>: checked when a definition is published.</summary>
    string? Check(string script);

    /// <summary>The variables a script reads or writes by name, so that publishing refuses one that is not in scope.</summary>
    IReadOnlyCollection<string> VariableNames(string script) => [];
}
