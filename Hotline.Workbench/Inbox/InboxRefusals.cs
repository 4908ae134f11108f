using System.Globalization;
using System.Text.RegularExpressions;

namespace Hotline.Workbench.Inbox;

/// <summary>
/// The inbox rules' refusals (<c>InboxService</c>, <c>InboxActions</c>: English, for the API) in the page's language:
/// each known refusal is recognised by its wording and said with its <see cref="InboxWords"/> key; the English page,
/// and a refusal not known here, keep the rule's own words.
/// </summary>
public static partial class InboxRefusals
{
    private static readonly (Regex Pattern, string Key)[] Known =
    [
        (NotOpen(), "refusedNotOpen"),
        (NotPending(), "refusedNotPending"),
        (NoLongerWaiting(), "refusedNotPending"),
        (WrongKind(), "refusedWrongKind"),
        (NotAnOutcome(), "refusedOutcome"),
        (NotAResult(), "refusedResult"),
        (ReturnWindow(), "refusedReturnWindow"),
        (NoDeadline(), "refusedNoDeadline"),
        (PastDeadline(), "refusedPastDeadline"),
        (ExtensionWaiting(), "refusedExtensionWaiting"),
        (NotSubordinate(), "refusedNotSubordinate"),
        (NotActiveUnit(), "refusedNotActiveUnit"),
        (ResolvedMissing(), "refusedResolved"),
        (Required(), "refusedRequired"),
        (TooLong(), "refusedTooLong"),
        (ExtensionDays(), "refusedExtensionDays"),
    ];

    /// <summary>The refusal <paramref name="detail"/> in the page's language; null stays null.</summary>
    public static string? Say(string? detail)
    {
        if (detail is null || Shared.Texts.Language == "en")
            return detail;
        foreach (var (pattern, key) in Known)
        {
            var match = pattern.Match(detail);
            if (!match.Success)
                continue;
            var values = match.Groups.Values.Skip(1).Select(g => (object)Field(g.Value)).ToArray();
            return string.Format(CultureInfo.InvariantCulture, Shared.Texts.T(key), values);
        }

        return detail;
    }

    /// <summary>A field's name as the page says it (<c>field.*</c> words), or the text itself (a number, a limit).</summary>
    private static string Field(string name) => Shared.Texts.T("field." + name) is var word && word != "field." + name ? word : name;

    [GeneratedRegex(@"^Task \S+ is \w+; only an open task can be signed for\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NotOpen();

    [GeneratedRegex(@"^Task \S+ is \w+; it cannot be completed\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NotPending();

    [GeneratedRegex(@"^Task \S+ is no longer waiting", RegexOptions.CultureInvariant)]
    private static partial Regex NoLongerWaiting();

    [GeneratedRegex(@"^Task \S+ is a \w+ task; this action is for \w+ tasks\.$", RegexOptions.CultureInvariant)]
    private static partial Regex WrongKind();

    [GeneratedRegex(@"^'.*' is not an outcome of this task", RegexOptions.CultureInvariant)]
    private static partial Regex NotAnOutcome();

    [GeneratedRegex(@"^'result' is one of ", RegexOptions.CultureInvariant)]
    private static partial Regex NotAResult();

    [GeneratedRegex(@"^The return window closed at ", RegexOptions.CultureInvariant)]
    private static partial Regex ReturnWindow();

    [GeneratedRegex(@"^The case has no deadline to extend\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NoDeadline();

    [GeneratedRegex(@"^An extension must be requested before the deadline", RegexOptions.CultureInvariant)]
    private static partial Regex PastDeadline();

    [GeneratedRegex(@"^An extension request for this case is already waiting", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionWaiting();

    [GeneratedRegex(@"is not an active unit under \S+; a case can be sub-dispatched only to a subordinate unit\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NotSubordinate();

    [GeneratedRegex(@"is not an active handling unit\.$", RegexOptions.CultureInvariant)]
    private static partial Regex NotActiveUnit();

    [GeneratedRegex(@"^Say whether the citizen's problem was resolved", RegexOptions.CultureInvariant)]
    private static partial Regex ResolvedMissing();

    [GeneratedRegex(@"^'(\w+)' is required\.$", RegexOptions.CultureInvariant)]
    private static partial Regex Required();

    [GeneratedRegex(@"^'(\w+)' is longer than (\d+) characters\.$", RegexOptions.CultureInvariant)]
    private static partial Regex TooLong();

    [GeneratedRegex(@"^'\w+' must be a whole number of working days from 1 to (\d+)\.$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionDays();
}
