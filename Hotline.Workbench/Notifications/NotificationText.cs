using System.Globalization;
using Hotline.Workbench.Shared;

namespace Hotline.Workbench.Notifications;

/// <summary>A notification's words in the page's language.</summary>
public static class NotificationText
{
    /// <summary>The words of <paramref name="item"/>'s text key with its arguments.</summary>
    public static string Of(NotificationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Format(item.TextKey, [.. item.Arguments]);
    }

    /// <summary>The words of <paramref name="key"/> with <paramref name="arguments"/> in its <c>{0}</c>...</summary>
    public static string Format(string key, params object[] arguments)
    {
        var words = Texts.T(key);
        try
        {
            return string.Format(CultureInfo.CurrentCulture, words, arguments);
        }
        catch (FormatException)
        {
            // Words expecting more arguments than a stored row has: shown as they are.
            return words;
        }
    }
}
