using System.Security.Claims;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Hotline.Domain.EntryPoints;
using Hotline.Workflows.Runtime;
using Hotline.Domain.Users;

namespace Hotline.Host.Api;

/// <summary>
/// Administrators open and close the definitions other systems may start: <c>/api/workflows/entry-points</c>. The
/// designer's editor shows the switch for the definition it edits.
/// </summary>
public static class WorkflowEntryPointsApi
{
    /// <summary>An entry point as listed.</summary>
    public sealed record EntryPointView(string DefinitionId, EntryPointIntake Intake, string ChangedBy, DateTimeOffset ChangedAt, bool Published);

    /// <summary>The body of a PUT.</summary>
    public sealed record OpenEntryPointRequest(EntryPointIntake? Intake);

    /// <summary>Maps the endpoints under <paramref name="workflows"/> (<c>/api/workflows</c>).</summary>
    public static void Map(RouteGroupBuilder workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var group = workflows.MapGroup("/entry-points").RequireAuthorization(p => p.RequireRole(HotlineRoles.Administrator));
        group.MapGet("/", ListAsync)
            .WithName("ListEntryPoints").WithSummary("The definitions other systems may start, and how their input is checked.")
            .Produces<IReadOnlyList<EntryPointView>>();
        group.MapGet("/{definitionId}", GetAsync)
            .WithName("GetEntryPoint").WithSummary("Whether a definition may be started by other systems.")
            .Produces<EntryPointView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{definitionId}", OpenAsync)
            .WithName("OpenEntryPoint").WithSummary("Lets other systems start a definition (intake Workflow: its declared inputs; Case: the case intake checks).")
            .AcceptsJson<OpenEntryPointRequest>()
            .Produces<EntryPointView>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{definitionId}", CloseAsync)
            .WithName("CloseEntryPoint").WithSummary("Stops other systems from starting a definition.")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(EntryPointService entryPoints, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var views = new List<EntryPointView>();
        foreach (var entry in await entryPoints.ListAsync(cancellationToken))
            views.Add(await ViewAsync(entry, runtime, cancellationToken));
        return Results.Ok(views);
    }

    private static async Task<IResult> GetAsync(string definitionId, EntryPointService entryPoints, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        await entryPoints.FindAsync(definitionId, cancellationToken) is { } entry
            ? Results.Ok(await ViewAsync(entry, runtime, cancellationToken))
            : NotOpen(definitionId);

    private static async Task<IResult> OpenAsync(string definitionId, HttpRequest request, ClaimsPrincipal user, EntryPointService entryPoints, WorkflowRuntime runtime,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiBody.ReadAsync<OpenEntryPointRequest>(request, cancellationToken);
        if (problem is not null)
            return problem;
        if (body?.Intake is not { } intake || !Enum.IsDefined(intake))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["intake"] = ["Workflow (the definition's declared inputs) or Case (the case intake checks)."] });
        var versions = await runtime.Definitions.ListVersionsAsync(definitionId, cancellationToken);
        if (versions.Count == 0)
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workflow not found", detail: $"There is no workflow definition '{definitionId}'.");
        var current = versions.FirstOrDefault(v => v.IsPublished) ?? versions.MaxBy(v => v.Version)!;
        if (intake == EntryPointIntake.Workflow && await WorkflowIntakeRefusalAsync(runtime, current, definitionId, cancellationToken) is { } refusal)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["intake"] = [refusal] });
        var entry = await entryPoints.OpenAsync(definitionId, intake, Caller.Name(user), cancellationToken);
        return Results.Ok(await ViewAsync(entry, runtime, cancellationToken));
    }

    private static async Task<IResult> CloseAsync(string definitionId, EntryPointService entryPoints, CancellationToken cancellationToken) =>
        await entryPoints.CloseAsync(definitionId, cancellationToken) ? Results.NoContent() : NotOpen(definitionId);

    /// <summary>
    /// Why the version may not be opened with declared inputs, or null: it registers cases (Case intake checks them), or
    /// it acts on cases otherwise. A version that does not compile is refused (it opens only as Case).
    /// </summary>
    private static async Task<string?> WorkflowIntakeRefusalAsync(WorkflowRuntime runtime, Hotline.Workflows.Definitions.WorkflowDefinition version, string definitionId,
        CancellationToken cancellationToken)
    {
        WorkflowBlueprint blueprint;
        try
        {
            blueprint = await runtime.GetBlueprintAsync(version, cancellationToken);
        }
        catch (Hotline.Workflows.Definitions.WorkflowDefinitionException)
        {
            return $"'{definitionId}' does not compile: it can only be opened with Case intake.";
        }

        if (CaseRegistering.RegistersCases(blueprint))
            return $"'{definitionId}' registers cases: open it with Case intake, so that every case passes the intake checks.";
        return CaseRegistering.ActsOnCases(blueprint)
            ? $"'{definitionId}' acts on the hotline's cases (hotline activities, or it starts other workflows): other systems reach cases only through Case intake and the case API, which check what their key may see."
            : null;
    }

    private static async Task<EntryPointView> ViewAsync(WorkflowEntryPoint entry, WorkflowRuntime runtime, CancellationToken cancellationToken) =>
        new(entry.DefinitionId, entry.Intake, entry.ChangedBy, entry.ChangedAt, await runtime.Definitions.FindPublishedAsync(entry.DefinitionId, cancellationToken) is not null);

    private static IResult NotOpen(string definitionId) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not an entry point", detail: $"'{definitionId}' cannot be started by other systems.");
}
