using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Domain.Routing;

/// <summary>Where a case goes: always exactly one lead unit, plus the assisting units.</summary>
/// <param name="LeadUnitCode">The unit that owns the case (主办); never empty.</param>
/// <param name="AssistingUnitCodes">Units that help (协办), without the lead unit.</param>
/// <param name="RuleId">The rule that matched; null when the default dispatch unit owns the case.</param>
/// <param name="MatchedSubjectCode">The subject whose rule matched: the case's subject or one of its categories.</param>
/// <param name="IsDefaultDispatch">True when no rule matched and the hotline centre's dispatch desk owns the case.</param>
/// <param name="Explanation">One sentence for the timeline and the dispatcher's screen.</param>
public sealed record RoutingResult(
    string LeadUnitCode,
    IReadOnlyList<string> AssistingUnitCodes,
    string? RuleId,
    string? MatchedSubjectCode,
    bool IsDefaultDispatch,
    string Explanation);

/// <summary>
/// Routes a subject in a district to units (按责转办) from the <see cref="RoutingRule"/> table.
/// </summary>
/// <remarks>
/// The case's subject is tried first, then its category and so on up the taxonomy. For one subject, a rule for the
/// case's district beats a rule for any district, a higher priority beats a lower one, and the rule id breaks ties so
/// the answer never depends on row order. Rules whose lead unit is inactive are passed over. When nothing matches,
/// the configured dispatch desk owns the case (首接负责制) and the result says so.
/// <para>Reads through the scope's context: a workflow burst's, or a request's.</para>
/// </remarks>
public sealed class RoutingService(HotlineDbContext db, IOptions<RoutingOptions> options)
{
    /// <summary>The most the taxonomy is climbed; guards against a parent loop in edited data.</summary>
    private const int MaxSubjectDepth = 8;

    /// <summary>Routes a subject in a district (a null or unknown subject goes to the dispatch desk).</summary>
    public async Task<RoutingResult> RouteAsync(string? subjectCode, string? districtCode, CancellationToken cancellationToken = default)
    {
        var defaultUnit = options.Value.DefaultDispatchUnitCode;
        if (string.IsNullOrWhiteSpace(subjectCode))
            return RoutingRules.Select([], districtCode, [], _ => true, defaultUnit);

        var chain = new List<string> { subjectCode };
        while (chain.Count < MaxSubjectDepth)
        {
            var current = chain[^1];
            var parent = await db.Subjects.AsNoTracking().Where(s => s.Code == current).Select(s => s.ParentCode).FirstOrDefaultAsync(cancellationToken);
            if (parent is null || chain.Contains(parent))
                break;
            chain.Add(parent);
        }

        var rules = await db.RoutingRules.AsNoTracking()
            .Where(r => chain.Contains(r.SubjectCode) && (r.DistrictCode == null || r.DistrictCode == districtCode))
            .ToListAsync(cancellationToken);
        var unitCodes = rules.Select(r => r.LeadUnitCode).Concat(rules.SelectMany(r => r.AssistingUnitCodes)).Distinct().ToList();
        var active = (await db.HandlingUnits.AsNoTracking()
                .Where(u => unitCodes.Contains(u.Code) && u.IsActive)
                .Select(u => u.Code)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        return RoutingRules.Select(chain, districtCode, rules, active.Contains, defaultUnit);
    }
}

/// <summary>The rule choice itself, apart from the database.</summary>
public static class RoutingRules
{
    /// <summary>Picks the best rule for the first subject of <paramref name="subjectChain"/> that has one.</summary>
    /// <param name="subjectChain">The case's subject, then its category, then that category's parent...</param>
    /// <param name="districtCode">The case's district.</param>
    /// <param name="rules">Candidate rules (others are ignored).</param>
    /// <param name="isActiveUnit">Whether a unit may receive cases.</param>
    /// <param name="defaultDispatchUnitCode">The owner when no rule matches.</param>
    public static RoutingResult Select(
        IReadOnlyList<string> subjectChain,
        string? districtCode,
        IEnumerable<RoutingRule> rules,
        Func<string, bool> isActiveUnit,
        string defaultDispatchUnitCode)
    {
        ArgumentNullException.ThrowIfNull(subjectChain);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(isActiveUnit);
        ArgumentException.ThrowIfNullOrWhiteSpace(defaultDispatchUnitCode);
        var candidates = rules.Where(r => r.DistrictCode is null || r.DistrictCode == districtCode).ToList();
        foreach (var subject in subjectChain)
        {
            var best = candidates
                .Where(r => r.SubjectCode == subject && !string.IsNullOrWhiteSpace(r.LeadUnitCode) && isActiveUnit(r.LeadUnitCode))
                .OrderByDescending(r => r.DistrictCode is not null)
                .ThenByDescending(r => r.Priority)
                .ThenBy(r => r.Id, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best is null)
                continue;
            var assisting = best.AssistingUnitCodes
                .Where(u => u != best.LeadUnitCode && isActiveUnit(u))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            var scope = best.DistrictCode is null ? "any district" : $"district {best.DistrictCode}";
            return new RoutingResult(best.LeadUnitCode, assisting, best.Id, subject, IsDefaultDispatch: false,
                $"Rule {best.Id} ({subject}, {scope}, priority {best.Priority}) makes {best.LeadUnitCode} the lead unit.");
        }

        var asked = subjectChain.Count == 0 ? "no subject" : $"subject {subjectChain[0]}";
        return new RoutingResult(defaultDispatchUnitCode, [], RuleId: null, MatchedSubjectCode: null, IsDefaultDispatch: true,
            $"No routing rule covers {asked} in district {districtCode ?? "(none)"}; the hotline centre's dispatch desk " +
            $"{defaultDispatchUnitCode} owns the case (首接负责制) until a dispatcher routes it.");
    }
}
