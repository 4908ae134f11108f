using System.Security.Claims;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;

namespace Hotline.Host.Api;

/// <summary>
/// Knowledge-base editing and review (<c>/api/admin/knowledge</c>, administrators): list, read, write drafts, change a
/// draft's content with the version read (stale → 409), and move articles through their review cycle with POSTs
/// (submit, approve, return, expire, withdraw). A transition from the wrong status is refused (409) naming the status;
/// every change is audited.
/// </summary>
public static class AdminKnowledgeApi
{
    /// <summary>A step of the review cycle.</summary>
    /// <param name="Version">The article's version as read (required: a reviewer approves exactly what they read).</param>
    /// <param name="Reason">Why it is returned (required to return).</param>
    public sealed record TransitionRequest(int? Version, string? Reason);

    /// <summary>Maps <c>/api/admin/knowledge</c>.</summary>
    public static IEndpointRouteBuilder MapAdminKnowledgeApi(this IEndpointRouteBuilder app)
    {
        var knowledge = app.MapGroup("/api/admin/knowledge").WithTags("Knowledge").WithBoundedValues()
            .RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        knowledge.MapGet("/", ListAsync).WithName("AdminListKnowledge").WithSummary("Articles by id, in every status, filtered and paged.")
            .WithQueryParameters(
                new QueryParameter("status", "Only articles in this status.") { Values = Enum.GetNames<KnowledgeStatus>() },
                new QueryParameter("subjectCode", "Only the articles of this subject.") { MaxLength = 32 },
                new QueryParameter("q", "Only articles whose title contains this text.") { MaxLength = 200 },
                QueryParameter.Page, QueryParameter.PageSize)
            .Produces<AdminPage<KnowledgeArticle>>();
        knowledge.MapGet("/{id}", GetAsync).WithName("AdminGetKnowledge").WithSummary("One article, in any status.")
            .Produces<KnowledgeArticle>().ProducesProblem(StatusCodes.Status404NotFound);
        knowledge.MapPost("/", CreateAsync).WithName("AdminCreateKnowledge").WithSummary("Writes a new article as a Draft; a taken id is refused (409).")
            .AcceptsJson<KnowledgeFields>().Produces<KnowledgeArticle>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status409Conflict);
        knowledge.MapPut("/{id}", UpdateAsync).WithName("AdminUpdateKnowledge")
            .WithSummary("Replaces a Draft's (or an InReview article's) content; send the version read (stale → 409). A Published article is withdrawn to draft first (409).")
            .AcceptsJson<KnowledgeFields>().Produces<KnowledgeArticle>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        foreach (var transition in Enum.GetValues<KnowledgeTransition>())
        {
            var (from, to, _) = KnowledgeTransitions.Of(transition);
            var verb = transition.ToString().ToLowerInvariant();
            knowledge.MapPost($"/{{id}}/{verb}", (string id, HttpRequest request, ClaimsPrincipal user, KnowledgeAdministration articles, CancellationToken cancellationToken) =>
                    TransitionAsync(id, transition, request, user, articles, cancellationToken))
                .WithName($"Admin{transition}Knowledge").WithSummary($"{string.Join(" or ", from)} → {to}{Detail(transition)}; send the version read. From another status: 409.")
                .AcceptsJson<TransitionRequest>().Produces<KnowledgeArticle>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }

        return app;
    }

    private static string Detail(KnowledgeTransition transition) => transition switch
    {
        KnowledgeTransition.Approve => " (published; the approver is not the author, unless the author is the only administrator)",
        KnowledgeTransition.Return => " with a reason",
        _ => "",
    };

    private static async Task<IResult> ListAsync(HttpRequest request, KnowledgeAdministration articles, CancellationToken cancellationToken)
    {
        var q = request.Query;
        var errors = new Dictionary<string, string[]>();
        var status = CasesApi.Enum<KnowledgeStatus>(q["status"], "status", errors);
        var (page, pageSize) = CasesApi.Paging(q, errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors, title: "The filters are not valid.");
        var filter = new KnowledgeFilter(status, q["subjectCode"].FirstOrDefault() is { Length: > 0 } s ? s : null, q["q"].FirstOrDefault() is { Length: > 0 } t ? t.Trim() : null);
        var (items, total) = await articles.ListAsync(filter, page, pageSize, cancellationToken);
        return Results.Ok(new AdminPage<KnowledgeArticle>(items, total, page, pageSize));
    }

    private static async Task<IResult> GetAsync(string id, KnowledgeAdministration articles, CancellationToken cancellationToken) =>
        await articles.FindAsync(id, cancellationToken) is { } article ? Results.Ok(article) : ChangeResults.NotFound(NotFound(id));

    private static async Task<IResult> CreateAsync(HttpRequest request, ClaimsPrincipal user, KnowledgeAdministration articles, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<KnowledgeFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        var change = await articles.CreateAsync(Caller.Name(user), body!, cancellationToken);
        return await ChangeResults.AnswerAsync(change, NotFound(body!.Id), $"/api/admin/knowledge/{change.Entity?.Id}");
    }

    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, ClaimsPrincipal user, KnowledgeAdministration articles, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<KnowledgeFields>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ChangeResults.AnswerAsync(await articles.UpdateAsync(Caller.Name(user), id, body!, cancellationToken), NotFound(id));
    }

    private static async Task<IResult> TransitionAsync(string id, KnowledgeTransition transition, HttpRequest request, ClaimsPrincipal user, KnowledgeAdministration articles,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<TransitionRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        return await ChangeResults.AnswerAsync(await articles.TransitionAsync(Caller.Name(user), id, transition, body!.Version, body.Reason, cancellationToken), NotFound(id));
    }

    private static string NotFound(string? id) => $"There is no knowledge article '{id}'.";
}
