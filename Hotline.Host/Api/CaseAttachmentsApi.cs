using System.Security.Claims;
using Hotline.Domain.Attachments;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// Attachments of a case over HTTP: <c>POST /api/cases/{idOrNumber}/attachments</c> (multipart/form-data, <c>file</c>
/// parts, optional <c>purpose</c> and <c>taskId</c>), <c>GET …/attachments</c> and <c>GET …/attachments/{id}</c>. Only those
/// who may see the case (<see cref="CaseVisibility"/>) list, download or attach: anyone else gets 404. What a role attaches
/// for is fixed (<see cref="PurposesOf"/>). The type is decided from the bytes (<see cref="ContentTypeDetector"/>).
/// </summary>
public static class CaseAttachmentsApi
{
    /// <summary>The roles that attach files, and what for.</summary>
    private static readonly (string Role, AttachmentPurpose Purpose)[] RolePurposes =
    [
        (HotlineRoles.Operator, AttachmentPurpose.Intake), (HotlineRoles.Dispatcher, AttachmentPurpose.Intake), (HotlineRoles.Integrator, AttachmentPurpose.Intake),
        (HotlineRoles.Unit, AttachmentPurpose.Answer), (HotlineRoles.CallbackAgent, AttachmentPurpose.Callback),
        (HotlineRoles.Supervisor, AttachmentPurpose.Instruction), (HotlineRoles.Leader, AttachmentPurpose.Instruction),
    ];

    /// <summary>The roles that attach files.</summary>
    public static IReadOnlyList<string> UploadRoles { get; } = RolePurposes.Select(r => r.Role).Distinct().ToList();

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

    /// <summary>What <paramref name="user"/>'s roles attach files for.</summary>
    public static IReadOnlyList<AttachmentPurpose> PurposesOf(ClaimsPrincipal user) =>
        RolePurposes.Where(r => user.IsInRole(r.Role)).Select(r => r.Purpose).Distinct().ToList();

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapCaseAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/cases/{idOrNumber}/attachments").WithTags("Attachments");
        group.MapPost("/", UploadAsync)
            .RequireAuthorization(p => p.RequireRole(UploadRoles))
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
        var @case = await FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null)
            return CasesApi.NotFound(idOrNumber);
        var (upload, field, error) = await MultipartUpload.ReadAsync(request, "file", AttachmentUploads.MaxFilesPerUpload, uploads, ct);
        if (upload is null)
            return ApiBody.Invalid(field!, error!);
        await using (upload)
        {
            if (await CheckAsync(upload, user, @case, uploads, contexts, ct) is { } problem)
                return problem;
            var purpose = Purpose(upload, user)!.Value;
            var saved = await uploads.SaveAsync(@case.Id, purpose, upload.Field("taskId"), upload.Files, Caller.Name(user), Caller.DisplayName(user), ct);
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
        if (Purpose(upload, user) is null)
            return ApiBody.Invalid("purpose", $"One of {string.Join(", ", PurposesOf(user))} for your role.");
        if (upload.Field("taskId") is not { } taskId)
            return null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.InboxTasks.AnyAsync(t => t.TaskId == taskId && t.CaseId == @case.Id, ct) ? null : ApiBody.Invalid("taskId", $"'{taskId}' is not a task of case {@case.Number}.");
    }

    /// <summary>The purpose asked for if the caller's role may attach for it, the role's own when none is asked; null otherwise.</summary>
    private static AttachmentPurpose? Purpose(MultipartUpload upload, ClaimsPrincipal user)
    {
        var allowed = PurposesOf(user);
        if (upload.Field("purpose") is not { } asked)
            return allowed.Count > 0 ? allowed[0] : null;
        return Enum.TryParse<AttachmentPurpose>(asked, ignoreCase: true, out var purpose) && allowed.Contains(purpose) ? purpose : null;
    }

    private static async Task<IResult> ListAsync(string idOrNumber, ClaimsPrincipal user, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        var @case = await FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null)
            return CasesApi.NotFound(idOrNumber);
        var rows = await uploads.ListAsync(@case.Id, ct);
        return Results.Ok(rows.Select(a => AttachmentView.From(a, @case.Number)).ToList());
    }

    /// <summary>The download, for the API and the workbench's page path alike.</summary>
    internal static async Task<IResult> DownloadAsync(
        string idOrNumber, Guid attachmentId, HttpContext http, ClaimsPrincipal user, AttachmentUploads uploads, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        var @case = await FindAsync(contexts, user, idOrNumber, ct);
        if (@case is null || await uploads.OpenAsync(@case.Id, attachmentId, ct) is not var (attachment, content))
            return CasesApi.NotFound($"{idOrNumber}/attachments/{attachmentId}");
        http.Response.Headers.XContentTypeOptions = "nosniff";
        // Opened in a tab by mistake, it still runs nothing.
        http.Response.Headers.ContentSecurityPolicy = "sandbox";
        return Results.File(content, attachment.ContentType, attachment.FileName);
    }

    private static async Task<Case?> FindAsync(IDbContextFactory<HotlineDbContext> contexts, ClaimsPrincipal user, string idOrNumber, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await CaseVisibility.FindAsync(db, user, idOrNumber, ct);
    }
}
