using Hotline.Host.Cases;
using Hotline.Host.Persistence;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Activities;

/// <summary>
/// Looks for open cases the new case repeats (重复诉求: same caller, or same subject at the same place, within the
/// configured window) with <see cref="DuplicateFinder"/>, links them both ways through an effect, and leaves by
/// <c>Duplicate</c> or <c>Unique</c>.
/// </summary>
[Activity("Hotline", "Cases", "Finds open cases the new case repeats (same caller, or same subject at the same place) and links them.",
    DisplayName = "Check Duplicates", Outcomes = ["Unique", "Duplicate"])]
public sealed class CheckDuplicates : Activity
{
    /// <summary>The new case.</summary>
    [Input(Description = "The id of the new case.", Required = true)]
    public Input<string>? CaseId { get; set; }

    /// <summary>The numbers of the cases found.</summary>
    [Output(Description = "The numbers of the open cases the new case repeats.")]
    public Output<List<string>>? DuplicateNumbers { get; set; }

    /// <inheritdoc />
    public override async ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        var caseId = CaseIds.Parse(context.Get(CaseId));
        var @case = await FindAsync(context, caseId);
        var found = await context.GetRequiredService<DuplicateFinder>().FindAsync(
            new DuplicateQuery(@case.CitizenPhone, @case.DistrictCode, @case.Address, @case.SubjectCode, @case.CreatedAt, caseId));
        context.Set(DuplicateNumbers, found.Select(c => c.Number).ToList());
        if (found.Count == 0)
        {
            context.Complete("Unique");
            return;
        }

        var ids = found.Select(c => c.CaseId).ToList();
        var at = context.Now;
        context.AddEffect(new CaseEffect(caseId, (db, newCase) =>
        {
            var others = db.Cases.Where(c => ids.Contains(c.Id)).ToList();
            db.LinkDuplicates(newCase, others, CaseActor.System, at);
        }));
        context.Complete("Duplicate");
    }

    /// <summary>The case as saved, or as added by an effect of this burst (a case registered just before).</summary>
    internal static async Task<Case> FindAsync(ActivityExecutionContext context, Guid caseId)
    {
        var pending = context.Workflow.Effects.OfType<RegisterCase.Registration>().Select(r => r.Case).FirstOrDefault(c => c.Id == caseId);
        if (pending is not null)
            return pending;
        await using var db = await context.GetRequiredService<IDbContextFactory<HotlineDbContext>>().CreateDbContextAsync();
        return await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId)
            ?? throw new WorkflowFaultException($"Case {caseId} does not exist.");
    }
}
