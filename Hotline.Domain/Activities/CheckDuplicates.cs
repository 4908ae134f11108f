using Hotline.Domain.Cases;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Activities;

/// <summary>
/// Looks for open cases the new case repeats (重复诉求: same caller, or same subject at the same place, within the
/// configured window) with <see cref="DuplicateFinder"/>, links them both ways, and leaves by <c>Duplicate</c> or
/// <c>Unique</c>.
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
        var @case = await context.LoadCaseAsync(CaseId);
        var found = await context.GetRequiredService<DuplicateFinder>().FindAsync(
            new DuplicateQuery(@case.CitizenPhone, @case.DistrictCode, @case.Address, @case.SubjectCode, @case.CreatedAt, @case.Id));
        context.Set(DuplicateNumbers, found.Select(c => c.Number).ToList());
        if (found.Count == 0)
        {
            context.Complete("Unique");
            return;
        }

        var ids = found.Select(c => c.CaseId).ToList();
        foreach (var other in await context.Db().Cases.Where(c => ids.Contains(c.Id)).ToListAsync())
            @case.LinkDuplicate(other, CaseActor.System, context.Now);
        context.Complete("Duplicate");
    }
}
