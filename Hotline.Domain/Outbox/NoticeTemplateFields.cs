namespace Hotline.Domain.Outbox;

/// <summary>A notice template as an administrator sends it.</summary>
/// <param name="Version">The version read (required; a kind still on its shipped words is at version 1).</param>
/// <param name="Subject">The e-mail's subject line, 1–200 characters.</param>
/// <param name="Body">The text, 1–1000 characters.</param>
/// <param name="Email">Whether the kind is sent by e-mail; null keeps the current choice.</param>
/// <param name="Sms">Whether the kind is sent by text message; null keeps the current choice.</param>
public sealed record NoticeTemplateFields(int? Version, string? Subject, string? Body, bool? Email, bool? Sms);
