using System.Text;

namespace Hotline.Workflows.Expressions;

/// <summary>
/// The names a script refers to statically, found by a small tokenizer that skips comments, strings, template text and
/// regular expressions: calls of <c>getX()</c>/<c>setX(v)</c> accessors, <c>variables.X</c>, and the string literals
/// passed to <c>getInput</c>, <c>getVariable</c> and <c>setVariable</c>. A name the script declares or uses other
/// than by calling it (a local function, a parameter, a value passed along) is left out, so what is listed is certain.
/// </summary>
public sealed class JavaScriptReferences
{
    private static readonly string[] Operators = ["===", "!==", "==", "!=", "=>", "<=", ">=", "&&", "||", "??", "++", "--", "+=", "-=", "*=", "/=", "%="];
    private static readonly HashSet<string> Declarators = new(StringComparer.Ordinal) { "var", "let", "const", "function", "class" };

    private JavaScriptReferences()
    {
    }

    /// <summary>Called functions named <c>get</c> or <c>set</c> followed by a capital (<c>getCaseId</c>), never declared or used otherwise.</summary>
    public IReadOnlyList<string> AccessorCalls { get; private init; } = [];

    /// <summary>The <c>X</c> of every <c>variables.X</c>.</summary>
    public IReadOnlyList<string> VariableProperties { get; private init; } = [];

    /// <summary>The literal names passed to <c>getInput("X")</c>.</summary>
    public IReadOnlyList<string> InputNames { get; private init; } = [];

    /// <summary>The literal names passed to <c>getVariable("X")</c>.</summary>
    public IReadOnlyList<string> ReadVariableNames { get; private init; } = [];

    /// <summary>The literal names passed to <c>setVariable("X", v)</c>.</summary>
    public IReadOnlyList<string> WrittenVariableNames { get; private init; } = [];

    /// <summary>Finds the references of a script (which should compile; a script that does not gives partial results).</summary>
    public static JavaScriptReferences Find(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var tokens = Tokenize(script);
        var accessors = new HashSet<string>(StringComparer.Ordinal);
        var notOnlyCalled = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Identifier || IsMember(tokens, i))
                continue;
            var name = tokens[i].Text;
            if (Next(tokens, i) == "(" && !Declarators.Contains(Previous(tokens, i) ?? ""))
            {
                if (IsAccessorName(name))
                    accessors.Add(name);
            }
            else
            {
                notOnlyCalled.Add(name);
            }
        }

        return new JavaScriptReferences
        {
            AccessorCalls = accessors.Where(a => !notOnlyCalled.Contains(a)).Order(StringComparer.Ordinal).ToList(),
            VariableProperties = notOnlyCalled.Contains("variables") && IsShadowed(tokens, "variables") ? [] : VariablesProperties(tokens),
            InputNames = notOnlyCalled.Contains("getInput") ? [] : StringArguments(tokens, "getInput"),
            ReadVariableNames = notOnlyCalled.Contains("getVariable") ? [] : StringArguments(tokens, "getVariable"),
            WrittenVariableNames = notOnlyCalled.Contains("setVariable") ? [] : StringArguments(tokens, "setVariable"),
        };
    }

    private static bool IsAccessorName(string name) =>
        name.Length > 3 && (name.StartsWith("get", StringComparison.Ordinal) || name.StartsWith("set", StringComparison.Ordinal)) && char.IsUpper(name[3]);

    private static bool IsShadowed(List<Token> tokens, string name)
    {
        for (var i = 0; i < tokens.Count; i++)
            if (tokens[i] is { Kind: TokenKind.Identifier } token && token.Text == name && !IsMember(tokens, i) &&
                (Declarators.Contains(Previous(tokens, i) ?? "") || Next(tokens, i) is "=" or "," or ")"))
                return true;
        return false;
    }

    private static List<string> VariablesProperties(List<Token> tokens)
    {
        var names = new List<string>();
        for (var i = 0; i + 2 < tokens.Count; i++)
            if (tokens[i] is { Kind: TokenKind.Identifier, Text: "variables" } && !IsMember(tokens, i) && tokens[i + 1].Text == "." && tokens[i + 2].Kind == TokenKind.Identifier)
                names.Add(tokens[i + 2].Text);
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static List<string> StringArguments(List<Token> tokens, string function)
    {
        var names = new List<string>();
        for (var i = 0; i + 3 < tokens.Count; i++)
            if (tokens[i] is { Kind: TokenKind.Identifier } token && token.Text == function && !IsMember(tokens, i) && tokens[i + 1].Text == "("
                && tokens[i + 2].Kind == TokenKind.String && tokens[i + 3].Text is ")" or ",")
                names.Add(tokens[i + 2].Value!);
        return names.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsMember(List<Token> tokens, int index) => index > 0 && tokens[index - 1].Text == ".";

    private static string? Next(List<Token> tokens, int index) => index + 1 < tokens.Count ? tokens[index + 1].Text : null;

    private static string? Previous(List<Token> tokens, int index) => index > 0 ? tokens[index - 1].Text : null;

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        // Brace depths at which a template literal's ${...} substitution returns to the template's text.
        var templates = new Stack<int>();
        var depth = 0;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && At(s, i + 1) == '/')
            {
                i = SkipLineComment(s, i);
            }
            else if (c == '/' && At(s, i + 1) == '*')
            {
                var end = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? s.Length : end + 2;
            }
            else if (c is '"' or '\'')
            {
                i = ReadString(s, i, tokens);
            }
            else if (c == '`' || (c == '}' && templates.Count > 0 && templates.Peek() == depth))
            {
                if (c == '}')
                    templates.Pop();
                i = SkipTemplateText(s, i + 1, out var substitution);
                if (substitution)
                    templates.Push(depth);
                else
                    tokens.Add(new Token(TokenKind.Template, "`"));
            }
            else if (c == '/' && StartsRegex(tokens))
            {
                i = SkipRegex(s, i + 1);
                tokens.Add(new Token(TokenKind.Regex, "/"));
            }
            else if (char.IsLetter(c) || c is '_' or '$')
            {
                i = ReadWord(s, i, TokenKind.Identifier, static ch => char.IsLetterOrDigit(ch) || ch is '_' or '$', tokens);
            }
            else if (char.IsDigit(c))
            {
                i = ReadWord(s, i, TokenKind.Number, static ch => char.IsLetterOrDigit(ch) || ch == '.', tokens);
            }
            else
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                i = ReadPunctuator(s, i, tokens);
            }
        }

        return tokens;
    }

    private static int SkipLineComment(string s, int i)
    {
        while (i < s.Length && s[i] != '\n')
            i++;
        return i;
    }

    // Reads a '...' or "..." literal starting at i (escapes taken literally; an unclosed one ends at the line's end) and returns the index after it.
    private static int ReadString(string s, int i, List<Token> tokens)
    {
        var quote = s[i];
        var text = new StringBuilder();
        i++;
        while (i < s.Length && s[i] != quote && s[i] != '\n')
        {
            if (s[i] == '\\' && i + 1 < s.Length)
                i++;
            text.Append(s[i++]);
        }

        tokens.Add(new Token(TokenKind.String, "\"", text.ToString()));
        return i + 1;
    }

    private static int ReadPunctuator(string s, int i, List<Token> tokens)
    {
        var op = Operators.FirstOrDefault(o => string.CompareOrdinal(s, i, o, 0, o.Length) == 0) ?? s[i].ToString();
        tokens.Add(new Token(TokenKind.Punctuator, op));
        return i + op.Length;
    }

    private static int ReadWord(string s, int i, TokenKind kind, Func<char, bool> continues, List<Token> tokens)
    {
        var start = i;
        while (i < s.Length && continues(s[i]))
            i++;
        tokens.Add(new Token(kind, s[start..i]));
        return i;
    }

    private static char At(string s, int index) => index < s.Length ? s[index] : '\0';

    // Skips template text up to the closing backtick (substitution false) or the next "${" (substitution true).
    private static int SkipTemplateText(string s, int i, out bool substitution)
    {
        while (i < s.Length)
        {
            if (s[i] == '\\')
            {
                i += 2;
            }
            else if (s[i] == '`')
            {
                substitution = false;
                return i + 1;
            }
            else if (s[i] == '$' && At(s, i + 1) == '{')
            {
                substitution = true;
                return i + 2;
            }
            else
            {
                i++;
            }
        }

        substitution = false;
        return i;
    }

    // A slash starts a regular expression where a value is expected: at the start, after an operator or a keyword.
    private static bool StartsRegex(List<Token> tokens) =>
        tokens.Count == 0 || tokens[^1] switch
        {
            { Kind: TokenKind.Punctuator, Text: ")" or "]" or "}" or "++" or "--" } => false,
            { Kind: TokenKind.Punctuator } => true,
            { Kind: TokenKind.Identifier, Text: "return" or "typeof" or "case" or "in" or "of" or "new" or "delete" or "void" or "throw" } => true,
            _ => false,
        };

    private static int SkipRegex(string s, int i)
    {
        var inClass = false;
        while (i < s.Length && s[i] != '\n')
        {
            var c = s[i++];
            if (c == '\\')
                i++;
            else if (c == '[')
                inClass = true;
            else if (c == ']')
                inClass = false;
            else if (c == '/' && !inClass)
                break;
        }

        while (i < s.Length && char.IsLetter(s[i]))
            i++;
        return i;
    }

    private enum TokenKind
    {
        Identifier,
        String,
        Template,
        Regex,
        Number,
        Punctuator,
    }

    // Text is what the tokenizer compares (a string literal's is its quote); Value is a string literal's content.
    private sealed record Token(TokenKind Kind, string Text, string? Value = null);
}
