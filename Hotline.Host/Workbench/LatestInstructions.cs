using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;
using Hotline.Domain.Persistence;
using Hotline.Workbench.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>The latest 督办意见 of each case, from the timeline, for the board and the unit's inbox.</summary>
internal static class LatestInstructions
{
    /// <summary>The latest instruction of each of <paramref name="caseIds"/> that has one, with the unit it was given to.</summary>
    public static async Task<Dictionary<Guid, (CaseInstruction Instruction, string? UnitCode)>> ReadAsync(
        HotlineDbContext db, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var events = await db.CaseEvents.AsNoTracking()
            .Where(e => caseIds.Contains(e.CaseId) && e.Kind == CaseEventKind.SupervisionInstructed)
            .Select(e => new { e.CaseId, e.Sequence, e.At, e.ActorName, e.Data }).ToListAsync(cancellationToken);
        return events.GroupBy(e => e.CaseId).ToDictionary(g => g.Key, g =>
        {
            var last = g.MaxBy(e => e.Sequence)!;
            var data = CaseEventData.Read<InstructionData>(last.Data)!;
            return (new CaseInstruction(data.Text, last.ActorName, last.At), data.UnitCode);
        });
    }
}
