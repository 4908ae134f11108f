using System.Security.Claims;
using Hotline.Domain.Cases;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;
using static Hotline.Host.Api.CaseOperationsApi;

namespace Hotline.Host.Api;

/// <summary>
/// The centre's five case operations with their checks, for <c>/api/cases/{idOrNumber}/…</c> and the workbench alike:
/// the roles each needs, the case as the caller may see it (<see cref="CaseVisibility"/>: otherwise not found), the
/// reason, then <see cref="CaseOperations"/>.
/// </summary>
internal static class CaseOperationCalls
{
    /// <summary>One call of an operation: the service, the case the caller may see, the body, who asks, and a finder of other cases the caller may see.</summary>
    public sealed record Call<TBody>(CaseOperations Ops, Case Case, TBody Body, OperationActor Actor, Func<string, Task<Case?>> FindVisible);

    /// <summary>An operation: the roles that may ask for it and what it does.</summary>
    public sealed record Operation<TBody>(IReadOnlyList<string> Roles, Func<Call<TBody>, CancellationToken, Task<CaseOperationResult>> Run)
        where TBody : IOperationRequest;

    /// <summary>What a call came to: not found (the caller may not see the case or may not ask), or the operation's result.</summary>
    public sealed record Outcome(bool NotFound, CaseOperationResult? Result = null);

    /// <summary>The roles at the centre's desks: they void and merge (并案).</summary>
    internal static IReadOnlyList<string> DeskRoles => Desk;

    private static readonly string[] Desk = [HotlineRoles.Operator, HotlineRoles.Dispatcher];
    private static readonly string[] DispatchOnly = [HotlineRoles.Dispatcher];

    /// <summary>作废 (operators and dispatchers).</summary>
    public static Operation<VoidRequest> Void { get; } = new(Desk, (call, ct) => call.Ops.VoidAsync(call.Case.Id, call.Body.Reason!, call.Actor, ct));

    /// <summary>并案 (operators and dispatchers): the case to merge into is named by id or number and must be one the caller may see.</summary>
    public static Operation<MergeRequest> Merge { get; } = new(Desk, MergeAsync);

    /// <summary>改类 (dispatchers).</summary>
    public static Operation<ReclassifyRequest> Reclassify { get; } = new(DispatchOnly,
        (call, ct) => call.Ops.ReclassifyAsync(call.Case.Id, call.Body.Type, call.Body.SubjectCode, call.Body.Reason!, call.Actor, ct));

    /// <summary>改派 (dispatchers).</summary>
    public static Operation<ReassignRequest> Reassign { get; } = new(DispatchOnly,
        (call, ct) => call.Body.UnitCode is not { Length: > 0 } unit
            ? Task.FromResult(new CaseOperationResult(CaseOperationStatus.Invalid, Field: "unitCode", Message: "Name the unit that takes over."))
            : call.Ops.ReassignAsync(call.Case.Id, unit, call.Actor, call.Body.Reason!, ct));

    /// <summary>疑难复杂 (dispatchers).</summary>
    public static Operation<ComplexRequest> Complex { get; } = new(DispatchOnly,
        (call, ct) => call.Ops.MarkComplexAsync(call.Case.Id, call.Body.WorkingDays, call.Body.Reason!, call.Actor, ct));

    /// <summary>Whether <paramref name="user"/> may ask for an operation open to <paramref name="roles"/>.</summary>
    public static bool MayAsk(ClaimsPrincipal user, IReadOnlyList<string> roles) => roles.Any(user.IsInRole);

    /// <summary>Finds the case as the caller may see it, checks the role and the reason, and runs the operation.</summary>
    public static async Task<Outcome> RunAsync<TBody>(
        string idOrNumber, TBody body, ClaimsPrincipal user, Operation<TBody> operation, CaseOperations ops, IDbContextFactory<HotlineDbContext> contexts, CancellationToken ct)
        where TBody : IOperationRequest
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(operation);
        if (!MayAsk(user, operation.Roles))
            return new(NotFound: true);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var @case = await CaseVisibility.FindAsync(db, user, idOrNumber, ct);
        if (@case is null)
            return new(NotFound: true);
        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > MaxReasonLength)
            return new(false, new CaseOperationResult(CaseOperationStatus.Invalid, Field: "reason", Message: $"Give a reason of 1 to {MaxReasonLength} characters."));
        var call = new Call<TBody>(ops, @case, body, new OperationActor(Caller.Name(user), Caller.DisplayName(user)), other => CaseVisibility.FindAsync(db, user, other, ct));
        return new(false, await operation.Run(call, ct));
    }

    private static async Task<CaseOperationResult> MergeAsync(Call<MergeRequest> call, CancellationToken ct)
    {
        if (call.Body.IntoCase is not { Length: > 0 } into)
            return new CaseOperationResult(CaseOperationStatus.Invalid, Field: "intoCase", Message: "Name the case to merge into (id or number).");
        return await call.FindVisible(into) is { } target
            ? await call.Ops.MergeAsync(call.Case.Id, target.Id, call.Body.Reason!, call.Actor, ct)
            : new CaseOperationResult(CaseOperationStatus.Invalid, Field: "intoCase", Message: $"No case '{into}' exists that you may see.");
    }
}
