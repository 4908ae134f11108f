using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Hotline.Workflows.Tests.Architecture;

/// <summary>A member longer than allowed: file, line of its signature, name (types and enclosing members dotted), length in lines.</summary>
public sealed record LongMember(string File, int Line, string Name, int Lines)
{
    public override string ToString() => $"{File}:{Line} {Name} ({Lines} lines)";
}

/// <summary>
/// Measures methods, constructors, operators, properties, indexers, events, local functions, lambdas and top-level
/// statements in C# source, from the signature to the closing brace (or semicolon). Attributes and doc comments
/// above a signature do not count; blank lines and comments inside do.
/// </summary>
public static class MemberLengths
{
    private const string TopLevel = "<top-level statements>";

    /// <summary>The members of <paramref name="source"/> longer than <paramref name="limit"/> lines, in source order.</summary>
    public static IReadOnlyList<LongMember> LongerThan(int limit, string file, string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, path: file);
        return Measured(tree.GetCompilationUnitRoot())
            .Select(member => (member.Name, Lines: tree.GetLineSpan(member.Span)))
            .Select(member => new LongMember(
                file,
                member.Lines.StartLinePosition.Line + 1,
                member.Name,
                member.Lines.EndLinePosition.Line - member.Lines.StartLinePosition.Line + 1))
            .Where(member => member.Lines > limit)
            .ToList();
    }

    private static IEnumerable<(string Name, TextSpan Span)> Measured(CompilationUnitSyntax root)
    {
        var statements = root.Members.OfType<GlobalStatementSyntax>().ToList();
        if (statements.Count > 0)
            yield return (TopLevel, TextSpan.FromBounds(statements[0].SpanStart, statements[^1].Span.End));

        foreach (var node in root.DescendantNodes().Where(IsMeasured))
            yield return (QualifiedName(node), TextSpan.FromBounds(SignatureStart(node), node.Span.End));
    }

    private static bool IsMeasured(SyntaxNode node) =>
        node is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax;

    /// <summary>Where the signature begins: after the attribute lists (leading trivia such as doc comments is outside the span already).</summary>
    private static int SignatureStart(SyntaxNode node) =>
        node.ChildNodesAndTokens().First(child => !child.IsKind(SyntaxKind.AttributeList)).SpanStart;

    private static string QualifiedName(SyntaxNode node) =>
        string.Join('.', node.AncestorsAndSelf().Select(OwnName).OfType<string>().Reverse());

    private static string? OwnName(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax type => type.Identifier.Text,
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax constructor => constructor.Modifiers.Any(SyntaxKind.StaticKeyword) ? ".cctor" : ".ctor",
        DestructorDeclarationSyntax => "Finalize",
        OperatorDeclarationSyntax op => "operator " + op.OperatorToken.Text,
        ConversionOperatorDeclarationSyntax conversion => "operator " + conversion.Type,
        PropertyDeclarationSyntax property => property.Identifier.Text,
        IndexerDeclarationSyntax => "this[]",
        EventDeclarationSyntax @event => @event.Identifier.Text,
        LocalFunctionStatementSyntax local => local.Identifier.Text,
        VariableDeclaratorSyntax variable => variable.Identifier.Text,
        AnonymousFunctionExpressionSyntax => "<lambda>",
        GlobalStatementSyntax => TopLevel,
        _ => null,
    };
}
