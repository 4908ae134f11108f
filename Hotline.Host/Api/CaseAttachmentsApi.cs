using System.Security.Claims;
using Hotline.Domain.Attachments;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// Attachments of a case over HTTP: <c>POST /api/cases/{idOrNumber}/attachments</c> (multipart/form-data, <c>file</c>
/// parts, optional <c>purpose</c> and <c>taskId</c>), <c>GET …/attachments</c> and <c>GET …/attachments/{id}</c>. Only those
/// who may see the case (<see cref="CaseVisibility"/>) list, download or attach: anyone else gets 404. Who attaches what is
/// <see cref="CaseAttachmentUploads"/>'s rule, shared with the workbench. The type is decided from the bytes (<see cref="ContentTypeDetector"/>).
/// </summary>
public static class CaseAttachmentsApi
{
    /// <summary>An attachment as listed; <see cref="DownloadUrl"/> is relative to the host.</summary>
    public sealed record AttachmentView(
        Guid Id, string CaseNumber, AttachmentPurpose Purpose, string? TaskId, string FileName, string ContentType, long Size, string Sha256,
        string UploadedBy, DateTimeOffset UploadedAt, string DownloadUrl)
    {
        internal static AttachmentView From(Attachment a, string caseNumber) =>
            new(a.Id, caseNumber, a.Purpose, a.TaskId, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedByName, a.UploadedAt, DownloadPath(caseNumber, a.Id));
    }

    /// <summary>Where the API serves an attachment's bytes.</summary>
    public static string DownloadPath(string caseNumber, Guid attachmentId) => $"/api/cases/{Uri.EscapeDataString(caseNumber)}/attachments/{attachmentId}";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCaseAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{idOrNumber}/attachments").WithTags("Attachments");
        group.MapPost("/", UploadAsync)
            .RequireAuthorization(p => p.RequireRole(CaseAttachmentUploads.UploadRoles))
            .WithName("UploadCaseAttachments")
            .WithSummary("Attaches files (photos, documents, recordings) to a case: multipart/form-data with one or more 'file' parts.")
            .WithDescription(
                "Optional fields: purpose (Intake, Answer, Callback, Instruction; by default the caller's role's: operators, dispatchers and integrators Intake, " +
                "unit users Answer, callback agents Callback, supervisors and leaders Instruction) and taskId (a task of the case the files came with). " +
                "The type is detected from the bytes, never the file name: JPEG, PNG, GIF, WebP, PDF, MP3, WAV, AMR, M4A/MP4, DOCX, XLSX, UTF-8 text " +
                "(Hotline:Attachments:AllowedTypes may narrow it); at most Hotline:Attachments:MaxBytes (default 20 MB) per file, 10 files. " +
                "An empty, too large or refused file is 400 naming 'file', and nothing of the upload is kept.")
            .Accepts<IFormFileCollection>("multipart/form-data")
            .Produces<IReadOnlyList<AttachmentView>>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync)
            .RequireAuthorization()
            .WithName("ListCaseAttachments")
            .WithSummary("The attachments of a case, in upload order.")
            .Produces<IReadOnlyList<AttachmentView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{attachmentId:guid}", DownloadAsync)
            .RequireAuthorization()
            .WithName("DownloadCaseAttachment")
            .WithSummary("An attachment's bytes, as a download (Content-Disposition: attachment with an RFC 5987 file name), with its detected type.")
            .Produces<byte[]>(StatusCodes.Status200OK, ContentTypeDetector.KnownTypes[0], [.. ContentTypeDetector.KnownTypes.Skip(1)])
            .ProducesProblem(StatusCodes.Status404NotFound);
        // The case page's download link: the same download on a page path, where the session cookie counts (never on /api).
        app.MapGet(Hotline.Workbench.Cases.CasePaths.AttachmentDownload, DownloadAsync).RequireAuthorization().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> UploadAsync(
        string idOrNumber, HttpRequest request, ClaimsPrincipal user, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        var @case = await CaseAttachmentUploads.FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null)
            return CasesApi.NotFound(idOrNumber);
        var (upload, field, error) = await MultipartUpload.ReadAsync(request, "file", AttachmentUploads.MaxFilesPerUpload, uploads, ct);
        if (upload is null)
            return ApiBody.Invalid(field!, error!);
        await using (upload)
        {
            if (await CheckAsync(upload, user, @case, uploads, contexts, ct) is { } problem)
                return problem;
            var purpose = CaseAttachmentUploads.Purpose(user, upload.Field("purpose"))!.Value;
            var saved = await CaseAttachmentUploads.SaveAsync(uploads, user, @case, purpose, upload.Field("taskId"), upload.Files, ct);
            return Results.Created($"/api/cases/{Uri.EscapeDataString(@case.Number)}/attachments", saved.Select(a => AttachmentView.From(a, @case.Number)).ToList());
        }
    }

    /// <summary>A 400 naming the field in error, or null when the files, the purpose and the task are acceptable.</summary>
    private static async Task<IResult?> CheckAsync(MultipartUpload upload, ClaimsPrincipal user, Case @case, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        if (upload.Files.Count == 0)
            return ApiBody.Invalid("file", "Send one or more 'file' parts.");
        if (upload.Files.Select(uploads.Refusal).FirstOrDefault(r => r is not null) is { } refusal)
            return ApiBody.Invalid("file", refusal);
        if (CaseAttachmentUploads.Purpose(user, upload.Field("purpose")) is not { } purpose)
            return ApiBody.Invalid("purpose", $"One of {string.Join(", ", CaseAttachmentUploads.PurposesOf(user))} for your role.");
        return await CaseAttachmentUploads.TaskRefusalAsync(contexts, user, @case, purpose, upload.Field("taskId"), ct) is { } task ? ApiBody.Invalid("taskId", task) : null;
    }

    private static async Task<IResult> ListAsync(string idOrNumber, ClaimsPrincipal user, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        var @case = await CaseAttachmentUploads.FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null)
            return CasesApi.NotFound(idOrNumber);
        var rows = await uploads.ListAsync(@case.Id, ct);
        return Results.Ok(rows.Select(a => AttachmentView.From(a, @case.Number)).ToList());
    }

    /// <summary>The download, for the API and the workbench's page path alike.</summary>
    internal static async Task<IResult> DownloadAsync(
        string idOrNumber, Guid attachmentId, HttpContext http, ClaimsPrincipal user, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        var @case = await CaseAttachmentUploads.FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null || await uploads.OpenAsync(@case.Id, attachmentId, ct) is not var (attachment, content))
            return CasesApi.NotFound($"{idOrNumber}/attachments/{attachmentId}");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Opened in a tab by mistake, it still runs nothing.
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.File(content, attachment.ContentType, attachment.FileName);
    }
}
