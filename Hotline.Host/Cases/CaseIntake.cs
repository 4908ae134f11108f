using System.Text.Json.Nodes;
using Hotline.Host.Persistence;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Cases;

/// <summary>A citizen's request as an integrator, an operator or an Open311 client submits it.</summary>
/// <param name="Channel">Phone, Web, Sms, WeChat, App, MayorMailbox, ProvincialPlatform or PoliceTransfer.</param>
/// <param name="Content">What the citizen said (at most 4,000 characters).</param>
/// <param name="Type">Consultation, Help, Complaint, Report, Suggestion or Praise.</param>
/// <param name="SubjectCode">The subject (诉求分类); must exist when given.</param>
/// <param name="CitizenName">The citizen's name; may be empty (anonymous).</param>
/// <param name="CitizenPhone">The citizen's telephone (digits, spaces, '+' and '-').</param>
/// <param name="Address">Where the problem is.</param>
/// <param name="DistrictCode">The six-digit district code of the place.</param>
/// <param name="Urgency">Normal, Urgent or Emergency; Normal when empty.</param>
/// <param name="KnowledgeArticleId">The knowledge-base answer the operator gave (直接办结); must exist when given.</param>
public sealed record CaseIntakeRequest(
    string? Channel,
    string? Content,
    string? Type,
    string? SubjectCode = null,
    string? CitizenName = null,
    string? CitizenPhone = null,
    string? Address = null,
    string? DistrictCode = null,
    string? Urgency = null,
    string? KnowledgeArticleId = null);

/// <summary>What <see cref="CaseIntake.StartAsync"/> did.</summary>
public enum CaseIntakeOutcome
{
    /// <summary>A new case was registered and its lifecycle started.</summary>
    Created,

    /// <summary>The same request was made before with the same idempotency key: the case it created.</summary>
    Replayed,

    /// <summary>The idempotency key was used before for a different request; nothing was done.</summary>
    KeyReused,

    /// <summary>The request is not valid (<see cref="CaseIntakeResult.Errors"/>); nothing was done.</summary>
    Invalid,
}

/// <summary>The result of an intake.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Case">The case (created or replayed).</param>
/// <param name="Errors">Bad fields and why (camelCase field names), for <see cref="CaseIntakeOutcome.Invalid"/>.</param>
public sealed record CaseIntakeResult(CaseIntakeOutcome Outcome, Case? Case, IReadOnlyDictionary<string, string[]> Errors);

/// <summary>
/// Starts a case: validates the request (every bad field named, nothing created), then starts the published
/// <c>case-lifecycle</c> definition, which registers the case and runs it. With an idempotency key the workflow instance
/// id derives from the client and the key, so a retried or concurrent request can never start a second case.
/// </summary>
public sealed class CaseIntake(WorkflowRuntime runtime, IDbContextFactory<HotlineDbContext> contexts, IdempotencyKeys keys)
{
    /// <summary>The definition every case runs.</summary>
    public const string LifecycleDefinitionId = "case-lifecycle";

    /// <summary>Longest content accepted.</summary>
    public const int MaxContentLength = 4000;

    /// <summary>Checks a request; returns the bad fields (empty when valid).</summary>
    public async Task<Dictionary<string, string[]>> ValidateAsync(CaseIntakeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Bad(string field, string message) => errors[field] = [message];

        foreach (var (field, text) in Texts(request))
        {
            // PostgreSQL cannot store or compare text with a NUL character.
            if (text?.Contains('\0', StringComparison.Ordinal) == true)
            {
                Bad(field, "The text may not contain the NUL character.");
                return errors;
            }
        }

        if (!IsEnum<CaseChannel>(request.Channel))
            Bad("channel", $"'{request.Channel}' is not a channel ({string.Join(", ", Enum.GetNames<CaseChannel>())}).");
        if (string.IsNullOrWhiteSpace(request.Content))
            Bad("content", "The citizen's request is required.");
        else if (request.Content.Length > MaxContentLength)
            Bad("content", $"The content is longer than {MaxContentLength} characters.");
        if (!IsEnum<CaseType>(request.Type))
            Bad("type", $"'{request.Type}' is not a case type ({string.Join(", ", Enum.GetNames<CaseType>())}).");
        if (!string.IsNullOrWhiteSpace(request.Urgency) && !IsEnum<CaseUrgency>(request.Urgency))
            Bad("urgency", $"'{request.Urgency}' is not an urgency ({string.Join(", ", Enum.GetNames<CaseUrgency>())}).");
        if (request.CitizenName is { Length: > 64 })
            Bad("citizenName", "The name is longer than 64 characters.");
        if (!string.IsNullOrWhiteSpace(request.CitizenPhone) && (request.CitizenPhone.Length > 32 || !request.CitizenPhone.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-')
            || PhoneNumbers.Normalize(request.CitizenPhone) is not { Length: >= 5 }))
            Bad("citizenPhone", "The telephone number must be 5 to 20 digits (spaces, '+' and '-' allowed).");
        if (request.Address is { Length: > 256 })
            Bad("address", "The address is longer than 256 characters.");
        if (!string.IsNullOrWhiteSpace(request.DistrictCode) && (request.DistrictCode.Length != 6 || !request.DistrictCode.All(char.IsAsciiDigit)))
            Bad("districtCode", "A district code has six digits.");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(request.SubjectCode) && !await db.Subjects.AsNoTracking().AnyAsync(s => s.Code == request.SubjectCode, cancellationToken))
            Bad("subjectCode", $"There is no subject '{request.SubjectCode}'.");
        if (!string.IsNullOrWhiteSpace(request.KnowledgeArticleId) && !await db.KnowledgeArticles.AsNoTracking().AnyAsync(a => a.Id == request.KnowledgeArticleId, cancellationToken))
            Bad("knowledgeArticleId", $"There is no knowledge-base answer '{request.KnowledgeArticleId}'.");
        return errors;
    }

    /// <summary>Validates and starts a case on the shipped lifecycle; see the overload.</summary>
    public Task<CaseIntakeResult> StartAsync(CaseIntakeRequest request, string client, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        StartAsync(request, client, idempotencyKey, LifecycleDefinitionId, null, cancellationToken);

    /// <summary>
    /// Validates and starts a case. <paramref name="client"/> (from the caller's credential: the case's submitter) and
    /// <paramref name="idempotencyKey"/> (optional, at most 200 characters) make the call idempotent per client: the same
    /// key with the same request answers with the case it created, whatever path the request came by.
    /// <paramref name="definitionId"/> is the lifecycle definition (an entry point with case intake; the shipped
    /// <see cref="LifecycleDefinitionId"/> by default).
    /// </summary>
    public async Task<CaseIntakeResult> StartAsync(CaseIntakeRequest request, string client, string? idempotencyKey, string definitionId, string? correlationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = await ValidateAsync(request, cancellationToken);
        if (idempotencyKey is { Length: > IdempotencyKeys.MaxKeyLength })
            errors["Idempotency-Key"] = [$"The key is longer than {IdempotencyKeys.MaxKeyLength} characters."];
        if (errors.Count > 0)
            return new CaseIntakeResult(CaseIntakeOutcome.Invalid, null, errors);

        var input = Input(request);
        input["SubmittedBy"] = client;
        string? instanceId = null;
        if (!string.IsNullOrEmpty(idempotencyKey))
        {
            instanceId = IdempotencyKeys.InstanceId("case-", client, definitionId, idempotencyKey);
            var fingerprint = new JsonObject { ["input"] = ValueConverter.ToJson(input), ["correlationId"] = correlationId };
            switch (await keys.ClaimAsync(client, "case:" + definitionId, idempotencyKey, fingerprint, cancellationToken))
            {
                case IdempotencyClaim.Mismatch:
                    return new CaseIntakeResult(CaseIntakeOutcome.KeyReused, null, Empty);
                case IdempotencyClaim.Repeat when await ReplayAsync(instanceId, cancellationToken) is { } replay:
                    return replay;
            }
        }

        try
        {
            var run = await runtime.StartAsync(definitionId, new StartOptions { Input = input, InstanceId = instanceId, CorrelationId = correlationId }, cancellationToken);
            var created = await CaseOfInstanceAsync(run.InstanceId, cancellationToken)
                ?? throw new InvalidOperationException($"The {definitionId} run {run.InstanceId} registered no case: {string.Join("; ", run.Incidents.Select(i => i.Message))}");
            return new CaseIntakeResult(CaseIntakeOutcome.Created, created, Empty);
        }
        catch (ConcurrencyConflictException) when (instanceId is not null)
        {
            // A concurrent request with the same key and request won the race: answer with its case.
            return await ReplayAsync(instanceId, cancellationToken) ?? throw new InvalidOperationException($"Instance {instanceId} conflicted but does not exist.");
        }
    }

    private async Task<CaseIntakeResult?> ReplayAsync(string instanceId, CancellationToken cancellationToken) =>
        await CaseOfInstanceAsync(instanceId, cancellationToken) is { } existing
            ? new CaseIntakeResult(CaseIntakeOutcome.Replayed, existing, Empty)
            : null;

    private async Task<Case?> CaseOfInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.WorkflowInstanceId == instanceId, cancellationToken);
    }

    private static Dictionary<string, object?> Input(CaseIntakeRequest request) => new(StringComparer.Ordinal)
    {
        ["Channel"] = Canonical<CaseChannel>(request.Channel),
        ["Content"] = request.Content!.Trim(),
        ["CaseType"] = Canonical<CaseType>(request.Type),
        ["SubjectCode"] = Blank(request.SubjectCode),
        ["CitizenName"] = Blank(request.CitizenName),
        ["CitizenPhone"] = Blank(request.CitizenPhone),
        ["Address"] = Blank(request.Address),
        ["DistrictCode"] = Blank(request.DistrictCode),
        ["Urgency"] = string.IsNullOrWhiteSpace(request.Urgency) ? nameof(CaseUrgency.Normal) : Canonical<CaseUrgency>(request.Urgency),
        ["KnowledgeArticleId"] = Blank(request.KnowledgeArticleId),
    };

    private static IEnumerable<(string Field, string? Text)> Texts(CaseIntakeRequest r) =>
    [
        ("channel", r.Channel), ("content", r.Content), ("type", r.Type), ("subjectCode", r.SubjectCode), ("citizenName", r.CitizenName),
        ("citizenPhone", r.CitizenPhone), ("address", r.Address), ("districtCode", r.DistrictCode), ("urgency", r.Urgency),
        ("knowledgeArticleId", r.KnowledgeArticleId),
    ];

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private static bool IsEnum<T>(string? text) where T : struct, Enum =>
        !string.IsNullOrWhiteSpace(text) && !char.IsAsciiDigit(text.Trim()[0]) && Enum.TryParse<T>(text.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value);

    private static string Canonical<T>(string? text) where T : struct, Enum => Enum.Parse<T>(text!.Trim(), ignoreCase: true).ToString();

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
