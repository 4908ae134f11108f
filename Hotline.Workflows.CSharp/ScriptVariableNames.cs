using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Hotline.Workflows.CSharp;

/// <summary>
/// The variables a script names as <c>Variables.X</c> or <c>Variable.X</c>. They are dynamic, so the compiler cannot
/// tell a misspelt one; publishing checks these names against the variables in scope instead, as it does for JavaScript.
/// </summary>
internal static class ScriptVariableNames
{
    private static readonly CSharpParseOptions Script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script);
    private static readonly HashSet<string> Proxies = new(StringComparer.Ordinal) { "Variables", "Variable" };
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "Get", "Set", "Equals", "GetHashCode", "GetType", "ToString" };

    public static IReadOnlyCollection<string> Find(string script) =>
        CSharpSyntaxTree.ParseText(script, Script).GetRoot().DescendantNodes().OfType<MemberAccessExpressionSyntax>()
            .Where(m => m.Expression is IdentifierNameSyntax { Identifier.ValueText: var proxy } && Proxies.Contains(proxy) && !Methods.Contains(m.Name.Identifier.ValueText))
            .Select(m => m.Name.Identifier.ValueText)
            .ToHashSet(StringComparer.Ordinal);
}
