using Hotline.Domain.Notifications;

namespace Hotline.Domain.Outbox;

/// <summary>The template a kind of notice uses now, as administrators see it.</summary>
/// <param name="Kind">The kind of notice.</param>
/// <param name="Subject">The e-mail's subject line.</param>
/// <param name="Body">The text (the e-mail's body and the text message).</param>
/// <param name="Email">Whether the kind is sent by e-mail.</param>
/// <param name="Sms">Whether the kind is sent by text message.</param>
/// <param name="IsDefault">Whether these are the shipped words and switches.</param>
/// <param name="Placeholders">The placeholders the kind fills (names without braces).</param>
/// <param name="UpdatedBy">Who saved it last; null for words never saved.</param>
/// <param name="UpdatedAt">When it was saved last (UTC).</param>
/// <param name="Version">The version to send with a change.</param>
public sealed record NoticeTemplateView(
    NotificationKind Kind, string Subject, string Body, bool Email, bool Sms, bool IsDefault, IReadOnlyList<string> Placeholders,
    string? UpdatedBy, DateTimeOffset? UpdatedAt, int Version)
{
    /// <summary>The view of <paramref name="template"/>.</summary>
    public static NoticeTemplateView From(NoticeTemplate template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var shipped = NoticeTemplates.Default(template.Kind);
        var isDefault = (template.Subject, template.Body, template.Email, template.Sms) == (shipped.Subject, shipped.Body, shipped.Email, shipped.Sms);
        return new(template.Kind, template.Subject, template.Body, template.Email, template.Sms, isDefault, NoticeTemplates.PlaceholdersOf(template.Kind),
            template.UpdatedBy, template.UpdatedAt, template.Version);
    }
}
