using System.Collections.Concurrent;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// The expression syntaxes plugged in besides the built-in ones. Process-wide, like the compiled-script caches: a syntax
/// is a language the process can run, not a setting of one runtime.
/// </summary>
public static class ExpressionSyntaxes
{
    private static readonly ConcurrentDictionary<string, IExpressionSyntax> Registered = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Adds a syntax (again registering the same name replaces it).</summary>
    public static void Register(IExpressionSyntax syntax)
    {
        ArgumentNullException.ThrowIfNull(syntax);
        Registered[syntax.Name] = syntax;
    }

    /// <summary>The plugged-in syntax of that name, if any.</summary>
    public static IExpressionSyntax? Find(string name) => Registered.GetValueOrDefault(name);

    /// <summary>The names of the plugged-in syntaxes.</summary>
    public static IReadOnlyCollection<string> Names => [.. Registered.Keys.Order(StringComparer.Ordinal)];
}
