using System.Security.Claims;
using Hotline.Domain.Attachments;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Hotline.Host.Security;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Api;

/// <summary>
/// Who attaches what to which case: the one set of rules for <see cref="CaseAttachmentsApi"/> and the workbench's desks.
/// A role attaches for its step only (<see cref="PurposesOf"/>: operators, dispatchers and integrators the intake, a lead or
/// assisting unit's users its answer, callback agents the callback, supervisors and leaders an instruction); a case the
/// caller may not see (<see cref="CaseVisibility"/>) is not found; a task must be the case's (and a unit's user's own
/// unit's). The file itself is checked by <see cref="AttachmentUploads"/> (size while read, type from the bytes).
/// </summary>
internal static class CaseAttachmentUploads
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

    /// <summary>What <paramref name="user"/>'s roles attach files for.</summary>
    public static IReadOnlyList<AttachmentPurpose> PurposesOf(ClaimsPrincipal user) =>
        RolePurposes.Where(r => user.IsInRole(r.Role)).Select(r => r.Purpose).Distinct().ToList();

    /// <summary>The purpose asked for if the caller's role attaches for it, the role's own when none is asked; null otherwise.</summary>
    public static AttachmentPurpose? Purpose(ClaimsPrincipal user, string? asked)
    {
        var allowed = PurposesOf(user);
        if (asked is null)
            return allowed.Count > 0 ? allowed[0] : null;
        return Enum.TryParse<AttachmentPurpose>(asked, ignoreCase: true, out var purpose) && allowed.Contains(purpose) ? purpose : null;
    }

    /// <summary>The case with this id or number if <paramref name="user"/> may see it; null otherwise (answer 404).</summary>
    public static async Task<Case?> FindAsync(IDbContextFactory<HotlineDbContext> contexts, ClaimsPrincipal user, string idOrNumber, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await CaseVisibility.FindAsync(db, user, idOrNumber, ct);
    }

    /// <summary>
    /// Why <paramref name="taskId"/> does not go with the upload, or null when it does: it must be a task of the case, and
    /// a unit's answer must name a task its unit is still working on (a unit that returned the case, or lost it to a
    /// reassignment, still sees it, but adds nothing to it); absent is fine for every other purpose.
    /// </summary>
    public static async Task<string?> TaskRefusalAsync(
        IDbContextFactory<HotlineDbContext> contexts, ClaimsPrincipal user, Case @case, AttachmentPurpose purpose, string? taskId, CancellationToken ct)
    {
        var unit = Caller.IsUnitUser(user) ? Caller.UnitCode(user) : null;
        var answering = unit is not null && purpose == AttachmentPurpose.Answer;
        if (taskId is null)
            return answering ? $"Name the task of case {@case.Number} your unit is answering." : null;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var tasks = db.InboxTasks.Where(t => t.TaskId == taskId && t.CaseId == @case.Id && (unit == null || t.UnitCode == unit));
        if (answering)
            tasks = tasks.Where(InboxTask.Pending);
        return await tasks.AnyAsync(ct)
            ? null
            : $"'{taskId}' is not a task of case {@case.Number}{(answering ? " your unit is still working on" : unit is null ? "" : " for your unit")}.";
    }

    /// <summary>Keeps the checked files on the case in <paramref name="user"/>'s name (rows and timeline events in one save).</summary>
    public static Task<IReadOnlyList<Attachment>> SaveAsync(
        AttachmentUploads uploads, ClaimsPrincipal user, Case @case, AttachmentPurpose purpose, string? taskId, IReadOnlyList<StagedFile> files, CancellationToken ct) =>
        uploads.SaveAsync(@case.Id, purpose, taskId, files, Caller.Name(user), Caller.DisplayName(user), ct);
}
