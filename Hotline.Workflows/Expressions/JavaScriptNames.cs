using System.Text;

namespace Hotline.Workflows.Expressions;

/// <summary>How Elsa names a variable's accessors: <c>get</c>/<c>set</c> and the name in Pascal case (<c>case_id</c> → <c>getCaseId</c>).</summary>
public static class JavaScriptNames
{
    /// <summary>The name with its first letter and every letter after <c>_</c> or a space in upper case, those separators dropped.</summary>
    public static string Pascalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var result = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '_' or ' ')
            {
                upper = true;
                continue;
            }

            result.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return result.ToString();
    }

    /// <summary>Whether <c>get</c>/<c>set</c> + <paramref name="suffix"/> is an accessor of the variable or input named <paramref name="name"/>.</summary>
    public static bool IsAccessorOf(string suffix, string name) =>
        string.Equals(suffix, name, StringComparison.Ordinal) || string.Equals(suffix, Pascalize(name), StringComparison.Ordinal);
}
