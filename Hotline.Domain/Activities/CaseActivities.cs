using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Domain.Activities;

/// <summary>
/// How the hotline's activities reach the burst's unit of work: the scope's one tracked <see cref="HotlineDbContext"/>,
/// through which they load the case (a case registered earlier in the same burst is found there too) and change it with
/// its methods; the burst's commit saves it with the instance.
/// </summary>
internal static class CaseActivities
{
    /// <summary>The burst's context.</summary>
    public static HotlineDbContext Db(this ActivityExecutionContext context) => context.GetRequiredService<HotlineDbContext>();

    /// <summary>The case named by a case-id input, tracked by the burst's context; faults the workflow when there is none.</summary>
    public static Task<Case> LoadCaseAsync(this ActivityExecutionContext context, Input<string>? caseId) =>
        context.LoadCaseAsync(ParseId(context.Get(caseId)));

    /// <summary>The case with id <paramref name="id"/>, tracked by the burst's context; faults the workflow when there is none.</summary>
    public static async Task<Case> LoadCaseAsync(this ActivityExecutionContext context, Guid id) =>
        await context.Db().Cases.FindAsync(id) ?? throw new WorkflowFaultException($"Case {id} does not exist.");

    /// <summary>The person who asked for an operation (a user name and the name shown in the timeline); the system when none is named.</summary>
    public static CaseActor Actor(this ActivityExecutionContext context, Input<string>? by, Input<string>? byName) =>
        context.Get(by) is { Length: > 0 } user ? CaseActor.User(user, context.Get(byName) is { Length: > 0 } name ? name : user) : CaseActor.System;

    /// <summary>Reads a case id.</summary>
    public static Guid ParseId(string? text) =>
        Guid.TryParse(text, out var id) ? id : throw new WorkflowFaultException($"'{text}' is not a case id.");
}
