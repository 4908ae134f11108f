using Hotline.Workflows.CSharp.Activities;
using Hotline.Workflows.Expressions;

namespace Hotline.Workflows.CSharp;

/// <summary>Turns C# on: the <c>CSharp</c> expression syntax and the Elsa.RunCSharp activity.</summary>
public static class CSharpExpressions
{
    /// <summary>Registers the <c>CSharp</c> syntax for this process (the last limits registered win).</summary>
    public static void Register(CSharpLimits? limits = null) => ExpressionSyntaxes.Register(new CSharpSyntax(limits ?? CSharpLimits.Default));

    /// <summary>Registers the syntax and adds Elsa.RunCSharp to the engine's activities.</summary>
    public static WorkflowEngineOptions AddCSharp(this WorkflowEngineOptions options, CSharpLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Register(limits);
        options.ActivityAssemblies.Add(typeof(RunCSharp).Assembly);
        return options;
    }

    /// <summary>The activity type names that run C# whatever their expressions' syntax.</summary>
    public static IReadOnlySet<string> ActivityTypes { get; } = new HashSet<string>(StringComparer.Ordinal) { "Elsa.RunCSharp" };
}
