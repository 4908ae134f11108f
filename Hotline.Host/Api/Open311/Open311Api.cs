using Hotline.Host.Api;
using Hotline.Host.Api.OpenApi;
using Hotline.Domain.Attachments;
using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Hotline.Domain.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Api.Open311;

/// <summary>
/// Open311 GeoReport v2 under <c>/open311/v2</c>, so existing Open311 clients can file and follow 12345 requests.
/// Services are subjects (诉求分类), requests are cases; every method answers <c>.xml</c> (mandatory) or <c>.json</c>.
/// Reading is public and shows only what GeoReport v2 defines (never the citizen's name or telephone); posting needs an
/// integrator API key and goes through <see cref="CaseIntake"/>, so an Open311 request becomes a case exactly as any
/// other intake does (validated, then the <c>case-lifecycle</c> workflow registers and dispatches it).
/// </summary>
public static class Open311Api
{
    /// <summary>Where the endpoints live.</summary>
    public const string BasePath = "/open311/v2";

    private const string Json = "application/json";
    private const string Xml = "text/xml";

    /// <summary>GeoReport v2's name of the file part of a multipart request.</summary>
    private const string MediaField = "media";

    /// <summary>Maps the six GeoReport v2 methods (Program.cs calls it as <c>app.MapOpen311Api()</c>).</summary>
    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder app)
    {
        // Public by the spec: the POST checks its own key (the form's api_key, where no authentication handler looks).
        var group = app.MapGroup(BasePath).WithTags("Open311").AllowAnonymous();
        group.MapGet("/services.{format}", ListServicesAsync)
            .WithName("Open311ListServices")
            .WithSummary("GeoReport v2 service list: the subjects (诉求分类) a request can be filed under.")
            .Produces<IReadOnlyList<Open311Service>>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml);
        group.MapGet("/services/{service_code}.{format}", GetServiceDefinitionAsync)
            .WithName("Open311GetServiceDefinition")
            .WithSummary("GeoReport v2 service definition: the attributes a request for a subject may carry (case_type, urgency, district_code, channel).")
            .Produces<Open311ServiceDefinition>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound, Json, Xml);
        group.MapPost("/requests.{format}", PostRequestAsync)
            .WithName("Open311PostRequest")
            .WithIdempotencyKey("A repeat with the same key and the same request files nothing and answers with the service request first filed; the same key with another request answers 400.")
            .WithSummary("GeoReport v2 request creation: files a case (needs an API key as api_key or X-Api-Key; Idempotency-Key honoured). " +
                "A multipart/form-data body may carry one 'media' file (a photo, a document, a recording), kept as the case's attachment and checked like one.")
            .Accepts<IDictionary<string, string>>("application/x-www-form-urlencoded", "multipart/form-data", Json)
            .Produces<IReadOnlyList<Open311RequestCreated>>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status403Forbidden, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound, Json, Xml);
        group.MapGet("/requests.{format}", ListRequestsAsync)
            .WithName("Open311ListRequests")
            .WithSummary("GeoReport v2 request list: cases by service_request_id, or by service_code, start_date/end_date (90 days at most) and status; 1,000 at most.")
            .WithQueryParameters(
                new QueryParameter("service_request_id", "Case numbers, comma-separated; the other filters are then ignored."),
                new QueryParameter("service_code", "Service (subject) codes, comma-separated."),
                new QueryParameter("start_date", "Requested at or after (RFC 3339 date-time, or a local date)."),
                new QueryParameter("end_date", "Requested at or before (RFC 3339 date-time, or a local date); at most 90 days after start_date."),
                new QueryParameter("status", "open or closed, or both comma-separated."))
            .Produces<IReadOnlyList<Open311ServiceRequest>>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml);
        group.MapGet("/requests/{service_request_id}.{format}", GetRequestAsync)
            .WithName("Open311GetRequest")
            .WithSummary("GeoReport v2 request: one case by its number, as the public may see it.")
            .Produces<IReadOnlyList<Open311ServiceRequest>>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound, Json, Xml);
        group.MapGet("/tokens/{token}.{format}", GetTokenAsync)
            .WithName("Open311GetToken")
            .WithSummary("GeoReport v2 token lookup: the case number of a case id (services are realtime, so POST already answers the number).")
            .Produces<IReadOnlyList<Open311Token>>(StatusCodes.Status200OK, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status400BadRequest, Json, Xml)
            .Produces<IReadOnlyList<Open311Error>>(StatusCodes.Status404NotFound, Json, Xml);
        return app;
    }

    /// <summary>The format of a <c>.{format}</c> suffix (case-insensitive).</summary>
    public static bool TryParseFormat(string? text, out Open311Format format)
    {
        format = Open311Format.Xml;
        if (string.Equals(text, "xml", StringComparison.OrdinalIgnoreCase))
            return true;
        format = Open311Format.Json;
        return string.Equals(text, "json", StringComparison.OrdinalIgnoreCase);
    }

    private static Open311Result? TooLong(Open311Format format, string name, string value) =>
        value.Length > InputLimits.MaxValueLength
            ? Open311Result.Error(format, StatusCodes.Status400BadRequest, $"{name}: at most {InputLimits.MaxValueLength} characters.")
            : null;

    private static Open311Result BadFormat(string format) =>
        Open311Result.Error(Open311Format.Xml, StatusCodes.Status400BadRequest, $"format: '{format}' is not xml or json.");

    private static async Task<Open311Result> ListServicesAsync(string format, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().ToListAsync(cancellationToken);
        var byCode = subjects.ToDictionary(s => s.Code, StringComparer.Ordinal);
        var services = subjects.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => Open311Mapping.ToService(s, byCode));
        return Open311Result.List(f, services, "services", "service");
    }

    private static async Task<Open311Result> GetServiceDefinitionAsync(
        [FromRoute(Name = "service_code")] string serviceCode, string format, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        if (TooLong(f, "service_code", serviceCode) is { } tooLong)
            return tooLong;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Code == serviceCode, cancellationToken);
        return subject is null
            ? Open311Result.Error(f, StatusCodes.Status404NotFound, $"service_code: '{serviceCode}' was not found.")
            : Open311Result.Document(f, Open311Mapping.Definition(subject), "service_definition");
    }

    private static async Task<Open311Result> PostRequestAsync(
        string format, HttpRequest request, CaseIntake intake, IDbContextFactory<HotlineDbContext> contexts, IOptionsMonitor<SecurityOptions> security,
        IOptions<CaseOptions> caseOptions, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        // A key in the query or a header is checked before the body is read, so a wrong key never gets its body parsed.
        if (Open311ApiKeys.Presented(request, bodyKey: null) is { } outsideKey && Open311ApiKeys.Authenticate(outsideKey, security.CurrentValue) is null)
            return Open311Result.Error(f, StatusCodes.Status403Forbidden, "api_key: not valid; cannot proceed with create_request.");
        var (form, media, readError) = await ReadBodyAsync(request, uploads, cancellationToken);
        if (form is null)
            return Open311Result.Error(f, StatusCodes.Status400BadRequest, readError ?? "The body cannot be read.");
        await using var _ = media;

        var errors = new List<string>();
        var presented = Open311ApiKeys.Presented(request, form.One("api_key", errors));
        var key = Open311ApiKeys.Authenticate(presented, security.CurrentValue);
        if (key is null)
            return Open311Result.Error(f, StatusCodes.Status403Forbidden,
                presented is null ? "api_key: required to create a request." : "api_key: not valid; cannot proceed with create_request.");

        var serviceCode = form.One("service_code", errors);
        if (serviceCode is null)
            errors.Add("service_code: required: the service (subject) the request is filed under.");
        if (errors.Count > 0)
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, errors);
        Subject? subject;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Code == serviceCode, cancellationToken);
        }

        if (subject is null)
            return Open311Result.Error(f, StatusCodes.Status404NotFound, $"service_code: '{serviceCode}' was not found.");
        var (caseRequest, invalid) = Open311Submission.Validate(form, subject);
        if (caseRequest is null)
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, invalid);

        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        var result = await intake.StartAsync(caseRequest, new IntakeCaller(key.Name, string.IsNullOrEmpty(key.DistrictCode) ? null : key.DistrictCode), idempotencyKey, cancellationToken);
        // A replay's media was kept with the first request.
        if (result.Outcome == CaseIntakeOutcome.Created && media is { Files: [_, ..] })
            await uploads.SaveAsync(result.Case!.Id, AttachmentPurpose.Open311, null, media.Files, key.Name, key.Name, cancellationToken);
        return result.Outcome switch
        {
            CaseIntakeOutcome.Invalid => Open311Result.Errors(f, StatusCodes.Status400BadRequest, Open311Submission.FromIntake(result.Errors)),
            CaseIntakeOutcome.KeyReused => Open311Result.Error(f, StatusCodes.Status400BadRequest,
                "Idempotency-Key: already used for a different request; use a new key for a new request."),
            _ => Open311Result.List(f,
                [new Open311RequestCreated(result.Case!.Number, Open311Mapping.ServiceNotice(result.Case, caseOptions.Value.ResolveTimeZone()), AccountId: null)],
                "service_requests", "request"),
        };
    }

    /// <summary>
    /// The form and, for a multipart body, its <c>media</c> file (GeoReport v2: one photo of the problem) checked like any
    /// attachment; or why the body cannot be read.
    /// </summary>
    private static async Task<(Open311Form? Form, MultipartUpload? Media, string? Error)> ReadBodyAsync(HttpRequest request, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        if (!MultipartUpload.IsMultipart(request))
        {
            var (form, error) = await Open311Form.ReadAsync(request, cancellationToken);
            return (form, null, error);
        }

        var (upload, field, message) = await MultipartUpload.ReadAsync(request, MediaField, maxFiles: 1, uploads, cancellationToken);
        if (upload is null)
            return (null, null, $"{field}: {message}");
        var refusal = upload.Files.Select(uploads.Refusal).FirstOrDefault(r => r is not null);
        if (refusal is null)
            return (Open311Form.FromFields(upload.Fields, request.Query), upload, null);
        await upload.DisposeAsync();
        return (null, null, $"{MediaField}: {refusal}");
    }

    private static async Task<Open311Result> ListRequestsAsync(
        string format, HttpRequest request, IDbContextFactory<HotlineDbContext> contexts, TimeProvider time, IOptions<CaseOptions> caseOptions,
        IOptionsMonitor<SecurityOptions> security, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        var zone = caseOptions.Value.ResolveTimeZone();
        var (query, errors) = Open311RequestQuery.Parse(request.Query, time.GetUtcNow(), zone);
        if (query is null)
            return Open311Result.Errors(f, StatusCodes.Status400BadRequest, errors);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Published(db.Cases.AsNoTracking(), Open311ApiKeys.District(request, security.CurrentValue));
        if (query.ServiceRequestIds.Count > 0)
        {
            var ids = query.ServiceRequestIds.ToList();
            cases = cases.Where(c => ids.Contains(c.Number));
        }
        else
        {
            var (from, to) = (query.From.ToUniversalTime(), query.To.ToUniversalTime());
            cases = cases.Where(c => c.CreatedAt >= from && c.CreatedAt <= to);
            if (query.ServiceCodes.Count > 0)
            {
                var codes = query.ServiceCodes.ToList();
                cases = cases.Where(c => c.SubjectCode != null && codes.Contains(c.SubjectCode));
            }

            if (query.Open == true)
                cases = cases.Where(Case.Open);
            else if (query.Open == false)
                cases = cases.Where(c => c.Status == CaseStatus.Closed || c.Status == CaseStatus.AnsweredDirectly || c.Status == CaseStatus.Merged);
        }

        var rows = await Project(cases.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Number).Take(Open311RequestQuery.MaxResults))
            .ToListAsync(cancellationToken);
        return Open311Result.List(f, await ToRequestsAsync(db, rows, zone, request, cancellationToken), "service_requests", "request");
    }

    private static async Task<Open311Result> GetRequestAsync(
        [FromRoute(Name = "service_request_id")] string serviceRequestId, string format, HttpRequest request, IDbContextFactory<HotlineDbContext> contexts,
        IOptions<CaseOptions> caseOptions, IOptionsMonitor<SecurityOptions> security, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        if (TooLong(f, "service_request_id", serviceRequestId) is { } tooLong)
            return tooLong;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = Published(db.Cases.AsNoTracking(), Open311ApiKeys.District(request, security.CurrentValue));
        var rows = await Project(cases.Where(c => c.Number == serviceRequestId)).ToListAsync(cancellationToken);
        if (rows.Count == 0)
            return Open311Result.Error(f, StatusCodes.Status404NotFound, $"service_request_id: '{serviceRequestId}' was not found.");
        return Open311Result.List(f, await ToRequestsAsync(db, rows, caseOptions.Value.ResolveTimeZone(), request, cancellationToken), "service_requests", "request");
    }

    /// <summary>
    /// The public cases of <paramref name="district"/> when a district's key reads; of every district otherwise. A voided
    /// case (a test call, a registration made in error) was never a citizen's request and is not published.
    /// </summary>
    private static IQueryable<Case> Published(IQueryable<Case> cases, string? district)
    {
        cases = cases.Where(c => c.Status != CaseStatus.Voided);
        return district is null ? cases : cases.Where(c => c.DistrictCode == district);
    }

    private static async Task<Open311Result> GetTokenAsync(string token, string format, IDbContextFactory<HotlineDbContext> contexts, CancellationToken cancellationToken)
    {
        if (!TryParseFormat(format, out var f))
            return BadFormat(format);
        if (TooLong(f, "token", token) is { } tooLong)
            return tooLong;
        string? number = null;
        if (Guid.TryParse(token, out var caseId))
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            number = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Number).FirstOrDefaultAsync(cancellationToken);
        }

        return number is null
            ? Open311Result.Error(f, StatusCodes.Status404NotFound, $"token: '{token}' was not found.")
            : Open311Result.List(f, [new Open311Token(number, token)], "service_requests", "request");
    }

    private static IQueryable<Open311CaseRow> Project(IQueryable<Case> cases) =>
        cases.Select(c => new Open311CaseRow(c.Id, c.Number, c.SubjectCode, c.Type, c.Status, c.Content, c.LeadUnitCode, c.Address, c.CreatedAt, c.UpdatedAt, c.ClosedAt,
            c.DeadlineAt, c.CitizenName, c.CitizenPhone));

    private static async Task<List<Open311ServiceRequest>> ToRequestsAsync(HotlineDbContext db, List<Open311CaseRow> rows, TimeZoneInfo zone, HttpRequest request, CancellationToken cancellationToken)
    {
        var media = await FirstAttachmentsAsync(db, rows, cancellationToken);
        var subjectCodes = rows.Select(r => r.SubjectCode).OfType<string>().Distinct().ToList();
        var unitCodes = rows.Select(r => r.LeadUnitCode).OfType<string>().Distinct().ToList();
        var subjects = await db.Subjects.AsNoTracking().Where(s => subjectCodes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, StringComparer.Ordinal, cancellationToken);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => unitCodes.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, StringComparer.Ordinal, cancellationToken);
        return rows.Select(r => Open311Mapping.ToRequest(r,
                r.SubjectCode is null ? null : subjects.GetValueOrDefault(r.SubjectCode),
                r.LeadUnitCode is null ? null : units.GetValueOrDefault(r.LeadUnitCode),
                zone,
                media.TryGetValue(r.Id, out var first) ? $"{request.Scheme}://{request.Host}{request.PathBase}{CaseAttachmentsApi.DownloadPath(r.Number, first)}" : null))
            .ToList();
    }

    /// <summary>The first attachment of each case (its media_url): downloaded by those who may see the case, as any attachment.</summary>
    private static async Task<Dictionary<Guid, Guid>> FirstAttachmentsAsync(HotlineDbContext db, List<Open311CaseRow> rows, CancellationToken cancellationToken)
    {
        var caseIds = rows.Select(r => r.Id).ToList();
        var attachments = await db.Attachments.AsNoTracking().Where(a => caseIds.Contains(a.CaseId))
            .Select(a => new { a.CaseId, a.Id, a.UploadedAt }).ToListAsync(cancellationToken);
        return attachments.GroupBy(a => a.CaseId).ToDictionary(g => g.Key, g => g.OrderBy(a => a.UploadedAt).ThenBy(a => a.Id).First().Id);
    }
}
