using Hotline.Domain.Administration;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Administration;

/// <summary>The line a page shows after a change: a status when it was done, an alert saying why when not.</summary>
/// <param name="Text">What to say.</param>
/// <param name="Error">True for a refusal, a stale version or bad fields.</param>
public sealed record AdminMessage(string Text, bool Error)
{
    /// <summary>The message for <paramref name="change"/>; <paramref name="doneKey"/> names the words for success.</summary>
    public static AdminMessage Of<T>(Change<T> change, string doneKey = "adminSaved")
        where T : class
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Outcome switch
        {
            ChangeOutcome.Done => new(Texts.T(doneKey), false),
            ChangeOutcome.Invalid => new(Texts.T("adminInvalid"), true),
            ChangeOutcome.Stale => new(Texts.T("adminStale"), true),
            ChangeOutcome.NotFound => new(Texts.T("adminNotFound"), true),
            _ => new(Texts.T("adminRefused") + change.Reason, true),
        };
    }
}
