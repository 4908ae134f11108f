namespace Hotline.Workbench.Cases;

/// <summary>The addresses of the case pages that the host serves outside Blazor.</summary>
public static class CasePaths
{
    /// <summary>An attachment's download on a page path, where the session cookie counts (never under /api).</summary>
    public const string AttachmentDownload = "/cases/{idOrNumber}/attachments/{attachmentId:guid}";

    /// <summary>The download address of an attachment of the case <paramref name="number"/>.</summary>
    public static string Attachment(string number, Guid attachmentId) => $"/cases/{Uri.EscapeDataString(number)}/attachments/{attachmentId}";
}
