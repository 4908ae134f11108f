using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;
using Hotline.Domain.Spreadsheets;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// Loading a centre's reference data over HTTP under <c>/api/admin/reference</c> (administrators only): import files
/// of units, subjects, routing rules and knowledge answers (all or nothing, or a dry run), and export each kind.
/// </summary>
public static class ReferenceApi
{
    /// <summary>The largest upload, all files together.</summary>
    public const long MaxUploadBytes = ReferenceImporter.MaxUploadBytes;

    /// <summary>The most files one import takes.</summary>
    public const int MaxFiles = 16;

    private const string XlsxType = Spreadsheet.XlsxContentType;
    private const string CsvType = "text/csv";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/reference").WithTags("Reference data").WithBoundedValues()
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        group.MapPost("/import", ImportAsync)
            .WithName("ImportReferenceData")
            .WithSummary("Imports units, subjects, routing rules and knowledge answers from CSV or xlsx files (the name says the kind: units.csv, subjects.xlsx, routing.csv, knowledge.xlsx); all or nothing.")
            .WithQueryParameters(new QueryParameter("dryRun", "true: check and count only, change nothing (default false).") { Type = typeof(bool) })
            .Accepts<IFormFileCollection>("multipart/form-data")
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .Produces<ReferenceReport>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/export/{kind}", ExportAsync)
            .WithName("ExportReferenceData")
            .WithSummary("Exports one kind (units, subjects, routing, knowledge) in the layout imports read.")
            .WithQueryParameters(new QueryParameter("format", "xlsx (default) or csv.") { Values = ["xlsx", "csv"] })
            .Produces<byte[]>(StatusCodes.Status200OK, XlsxType, CsvType);
        return app;
    }

    private static async Task<IResult> ImportAsync(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, IDbContextFactory<HotlineDbContext> contexts, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (Flag(request.Query["dryRun"]) is not { } dryRun)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["dryRun"] = ["dryRun must be true or false."] });
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Send the files as multipart/form-data.");
        if (request.ContentLength > MaxUploadBytes)
            return TooLarge();
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes, ValueCountLimit = MaxFiles * 4 }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [$"The multipart body cannot be read: {e.Message}"] });
        }

        if (form.Files.Count is 0 or > MaxFiles)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["files"] = [$"Send 1 to {MaxFiles} files (units, subjects, routing, knowledge; .csv or .xlsx)."] });

        var streams = form.Files.Select(f => f.OpenReadStream()).ToList();
        try
        {
            var files = form.Files.Zip(streams, (f, s) => new ReferenceFile(f.FileName, s)).ToList();
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var report = await new ReferenceImporter(db, clock).ImportAsync(files, dryRun, actor: Caller.Name(user), cancellationToken: cancellationToken);
            if (report.HasFileProblems || (!dryRun && report.Problems.Count > 0))
                return Refusal(report);
            return Results.Ok(report);
        }
        catch (DbUpdateException)
        {
            // Another import or edit changed the same rows between the checks and the save; nothing was saved.
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The reference data changed meanwhile; nothing was changed. Import again.");
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }

    /// <summary>One kind as a file (<c>GET /api/admin/reference/export/{kind}</c>, and the import screen's download links).</summary>
    internal static async Task<IResult> ExportAsync(string kind, HttpRequest request, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var parsedKind = ReferenceFileNames.ParseKind(kind);
        if (parsedKind is null)
            errors["kind"] = ["kind must be units, subjects, routing or knowledge."];
        var format = request.Query["format"].Count == 0 ? ReferenceFormat.Xlsx : ReferenceFileNames.ParseFormat(request.Query["format"].ToString());
        if (format is null)
            errors["format"] = ["format must be xlsx or csv."];
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var output = new MemoryStream();
        await ReferenceExporter.ExportAsync(db, parsedKind!.Value, format!.Value, output, cancellationToken);
        return Results.File(output.ToArray(), format == ReferenceFormat.Csv ? CsvType + "; charset=utf-8" : XlsxType, ReferenceFileNames.For(parsedKind.Value, format.Value));
    }

    /// <summary>400 listing every problem, each under its place (<c>units.csv:4:districtCode</c>), and the report.</summary>
    private static IResult Refusal(ReferenceReport report) =>
        Results.ValidationProblem(
            report.Problems.GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Select(p => p.Reason).ToArray()),
            title: report.HasFileProblems ? "A file cannot be read as reference data; nothing was changed." : "Some rows are wrong; nothing was changed.",
            extensions: new Dictionary<string, object?> { ["problems"] = report.Problems, ["report"] = report });

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The files may be at most {MaxUploadBytes} bytes together.");

    private static bool? Flag(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0
        ? false
        : values.ToString().ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
}
