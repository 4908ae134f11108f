using Hotline.Host.Api;
using Hotline.Workbench.Inbox;
using Hotline.Workbench.Shared;

namespace Hotline.Host.Workbench;

/// <summary>An inbox action's outcome (<see cref="InboxActions.Outcome"/>) as a workbench page says it: null when done, else why not.</summary>
internal static class InboxOutcomeWords
{
    /// <summary>The refusal in the page's language: a not-found or forbidden task by the page's own words, a rule's refusal by <see cref="InboxRefusals"/>.</summary>
    public static string? Of(InboxActions.Outcome outcome, string notFoundKey, string forbiddenKey) => outcome.Status switch
    {
        StatusCodes.Status200OK => null,
        StatusCodes.Status404NotFound => Texts.T(notFoundKey),
        StatusCodes.Status403Forbidden => Texts.T(forbiddenKey),
        _ => InboxRefusals.Say(outcome.Detail),
    };
}
