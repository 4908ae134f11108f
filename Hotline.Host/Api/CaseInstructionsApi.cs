using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Api.OpenApi;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// 督办意见 over HTTP: <c>POST /api/cases/{idOrNumber}/instructions</c>, for supervisors and leaders. The lead unit sees
/// the instruction on the case and its task, and is notified. A case the caller may not see is 404, an ended case 409,
/// an empty or over-long text 400 naming <c>text</c>.
/// </summary>
public static class CaseInstructionsApi
{
    /// <summary>The roles that instruct: the inspection office's supervisors and the leaders.</summary>
    public static IReadOnlyList<string> Roles { get; } = [HotlineRoles.Supervisor, HotlineRoles.Leader];

    /// <summary>The request: the instruction.</summary>
    public sealed record InstructionRequest(string? Text);

    /// <summary>The answer: the timeline entry written.</summary>
    public sealed record InstructionView(string CaseNumber, int Sequence, DateTimeOffset At, string ActorName, string Text, string? UnitCode);

    /// <summary>What a call came to: not found, a bad text, an ended case, or the instruction written.</summary>
    public sealed record Outcome(bool NotFound, string? Invalid = null, bool Ended = false, InstructionView? Written = null);

    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCaseInstructionsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/cases/{idOrNumber}/instructions", async (string idOrNumber, HttpRequest request, ClaimsPrincipal user, CaseInstructions instructions, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct) =>
            {
                var (body, problem) = await ApiBody.ReadAsync<InstructionRequest>(request, ct);
                if (problem is not null)
                    return problem;
                var outcome = await InstructAsync(idOrNumber, body!.Text, user, instructions, contexts, ct);
                if (outcome.NotFound)
                    return CasesApi.NotFound(idOrNumber);
                if (outcome.Invalid is { } message)
                    return ApiBody.Invalid("text", message);
                return outcome.Ended
                    ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the case's state", detail: $"Case {idOrNumber} has ended; an instruction needs an open case.")
                    : Results.Created($"/api/cases/{Uri.EscapeDataString(outcome.Written!.CaseNumber)}", outcome.Written);
            })
            .RequireAuthorization(p => p.RequireRole(Roles))
            .WithTags("Cases").WithName("InstructCase")
            .WithSummary("督办意见: a supervisor's or leader's instruction to the case's lead unit, recorded in the timeline; the unit is notified.")
            .AcceptsJson<InstructionRequest>()
            .Produces<InstructionView>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    /// <summary>The checks and the write, for the endpoint and the workbench's board alike.</summary>
    internal static async Task<Outcome> InstructAsync(
        string idOrNumber, string? text, ClaimsPrincipal user, CaseInstructions instructions, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
    {
        if (!Roles.Any(user.IsInRole))
            return new(NotFound: true);
        Case? @case;
        await using (var db = await contexts.CreateDbContextAsync(ct))
            @case = await CaseVisibility.FindAsync(db, user, idOrNumber, ct);
        if (@case is null)
            return new(NotFound: true);
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > CaseInstructions.MaxLength)
            return new(false, Invalid: $"Write an instruction of 1 to {CaseInstructions.MaxLength} characters.");
        var written = await instructions.InstructAsync(@case.Id, text, CaseActor.User(Caller.Name(user), Caller.DisplayName(user)), ct);
        if (written is null)
            return new(false, Ended: true);
        var data = CaseEventData.Read<InstructionData>(written.Data)!;
        return new(false, Written: new(@case.Number, written.Sequence, written.At, written.ActorName, data.Text, data.UnitCode));
    }
}
