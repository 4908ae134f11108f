using System.Text.Json.Nodes;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Cases;

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

/// <summary>Who submits a case: the caller's name (the case's submitter) and the district its credential confines it to.</summary>
/// <param name="Client">The user or integrator name, from the credential.</param>
/// <param name="DistrictCode">A sub-centre's district: the case must be in it (an empty district defaults to it); null for the whole city.</param>
public sealed record IntakeCaller(string Client, string? DistrictCode = null);

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
/// Reads through the request's context (scoped); the lifecycle runs in bursts of its own.
/// </summary>
public sealed class CaseIntake(WorkflowRuntime runtime, HotlineDbContext db, IdempotencyKeys keys)
{
    /// <summary>The definition every case runs.</summary>
    public const string LifecycleDefinitionId = "case-lifecycle";

    /// <summary>Longest content accepted.</summary>
    public const int MaxContentLength = NewCase.MaxContentLength;

    /// <summary>The form's checks (<see cref="NewCase.Check"/>), then whether the subject and the knowledge-base answer exist.</summary>
    private async Task<(NewCase? Case, Dictionary<string, string[]> Errors)> CheckAsync(CaseIntakeRequest request, IntakeCaller caller, CancellationToken cancellationToken)
    {
        var confined = caller.DistrictCode is { } district && !string.IsNullOrWhiteSpace(request.DistrictCode) && request.DistrictCode.Trim() != district;
        if (caller.DistrictCode is not null && string.IsNullOrWhiteSpace(request.DistrictCode))
            request = request with { DistrictCode = caller.DistrictCode };
        var (checkedCase, errors) = NewCase.Check(request, caller.Client);
        if (confined)
            errors["districtCode"] = [$"Your sub-centre registers cases of district {caller.DistrictCode} only; leave the district empty or give {caller.DistrictCode}."];
        if (NewCase.ContainsNul(request))
            return (null, errors);
        if (!string.IsNullOrWhiteSpace(request.SubjectCode))
        {
            var subject = await db.Subjects.AsNoTracking().FirstOrDefaultAsync(s => s.Code == request.SubjectCode, cancellationToken);
            if (subject is null)
                errors["subjectCode"] = [$"There is no subject '{request.SubjectCode}'."];
            else if (checkedCase is not null && !subject.CaseTypes.Contains(checkedCase.Type))
                errors["type"] = [$"Subject {subject.Code} ({subject.Name}) takes {string.Join(", ", subject.CaseTypes)}, not {checkedCase.Type}."];
        }

        // IsActive is kept equal to "published"; the answering step also checks the article's validity dates.
        if (!string.IsNullOrWhiteSpace(request.KnowledgeArticleId)
            && !await db.KnowledgeArticles.AsNoTracking().AnyAsync(a => a.Id == request.KnowledgeArticleId && a.IsActive, cancellationToken))
            errors["knowledgeArticleId"] = [$"There is no published knowledge-base answer '{request.KnowledgeArticleId}'."];
        return (errors.Count == 0 ? checkedCase : null, errors);
    }

    /// <summary>Validates and starts a case on the shipped lifecycle; see the overload.</summary>
    public Task<CaseIntakeResult> StartAsync(CaseIntakeRequest request, string client, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        StartAsync(request, new IntakeCaller(client), idempotencyKey, LifecycleDefinitionId, null, cancellationToken);

    /// <summary>Validates and starts a case on the shipped lifecycle for a caller that may be confined to a district; see the overload.</summary>
    public Task<CaseIntakeResult> StartAsync(CaseIntakeRequest request, IntakeCaller caller, string? idempotencyKey, CancellationToken cancellationToken = default) =>
        StartAsync(request, caller, idempotencyKey, LifecycleDefinitionId, null, cancellationToken);

    /// <summary>
    /// Validates and starts a case. The caller's client name (from its credential: the case's submitter) and
    /// <paramref name="idempotencyKey"/> (optional, at most 200 characters) make the call idempotent per client: the same
    /// key with the same request answers with the case it created, whatever path the request came by.
    /// <paramref name="definitionId"/> is the lifecycle definition (an entry point with case intake; the shipped
    /// <see cref="LifecycleDefinitionId"/> by default).
    /// </summary>
    public async Task<CaseIntakeResult> StartAsync(CaseIntakeRequest request, IntakeCaller caller, string? idempotencyKey, string definitionId, string? correlationId,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        var client = caller.Client;
        var (newCase, errors) = await CheckAsync(request, caller, cancellationToken);
        if (idempotencyKey is { Length: > IdempotencyKeys.MaxKeyLength })
            errors["Idempotency-Key"] = [$"The key is longer than {IdempotencyKeys.MaxKeyLength} characters."];
        if (errors.Count > 0)
            return new CaseIntakeResult(CaseIntakeOutcome.Invalid, null, errors);

        var input = Input(newCase!, request.KnowledgeArticleId);
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
        return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.WorkflowInstanceId == instanceId, cancellationToken);
    }

    /// <summary>The lifecycle's inputs: the checked request, with enums by their names.</summary>
    private static Dictionary<string, object?> Input(NewCase request, string? knowledgeArticleId) => new(StringComparer.Ordinal)
    {
        ["Channel"] = request.Channel.ToString(),
        ["Content"] = request.Content,
        ["CaseType"] = request.Type.ToString(),
        ["SubjectCode"] = request.SubjectCode,
        ["CitizenName"] = request.CitizenName,
        ["CitizenPhone"] = request.CitizenPhone,
        ["Address"] = request.Address,
        ["DistrictCode"] = request.DistrictCode,
        ["Urgency"] = request.Urgency.ToString(),
        ["KnowledgeArticleId"] = string.IsNullOrWhiteSpace(knowledgeArticleId) ? null : knowledgeArticleId.Trim(),
        ["SubmittedBy"] = request.SubmittedBy,
    };

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();
}
