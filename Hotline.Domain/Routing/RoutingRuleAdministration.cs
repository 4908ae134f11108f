using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Routing;

/// <summary>A routing rule as an administrator sends it; every field is replaced.</summary>
/// <param name="Id">The rule's id, its key (required to create; it never changes).</param>
/// <param name="Version">The version read (updates only).</param>
/// <param name="SubjectCode">The subject it routes (required, existing).</param>
/// <param name="DistrictCode">Six digits, or empty for any district.</param>
/// <param name="LeadUnitCode">The lead unit (required, existing and active).</param>
/// <param name="AssistingUnitCodes">Assisting units: existing, distinct, never the lead.</param>
/// <param name="Priority">Higher wins among equally specific rules; default 0.</param>
public sealed record RoutingRuleFields(string? Id, int? Version, string? SubjectCode, string? DistrictCode, string? LeadUnitCode, List<string>? AssistingUnitCodes, int? Priority);

/// <summary>Filters of the rule list; null means any.</summary>
/// <param name="SubjectCode">Rules of this subject.</param>
/// <param name="DistrictCode">Rules of this district (not those for any district).</param>
/// <param name="UnitCode">Rules in which this unit leads or assists.</param>
public sealed record RoutingRuleFilter(string? SubjectCode, string? DistrictCode, string? UnitCode);

/// <summary>
/// Administrators' edits of the routing matrix (scoped). A rule names an existing subject, an active lead unit and
/// existing, distinct assisting units; no two rules share subject, district and priority, since routing could then
/// only tell them apart by their ids.
/// </summary>
public sealed class RoutingRuleAdministration(HotlineDbContext db, VersionedChanges changes)
{
    private const int MaxIdLength = 64;

    /// <summary>Rules by subject, district and priority (highest first), filtered and paged.</summary>
    public async Task<(List<RoutingRule> Items, int Total)> ListAsync(RoutingRuleFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.RoutingRules.AsNoTracking();
        if (filter.SubjectCode is { } subject)
            query = query.Where(r => r.SubjectCode == subject);
        if (filter.DistrictCode is { } district)
            query = query.Where(r => r.DistrictCode == district);
        // Assisting units are a JSON list: the unit filter runs in memory over the subject's and district's rules.
        var rules = (await query.ToListAsync(cancellationToken))
            .Where(r => filter.UnitCode is null || r.LeadUnitCode == filter.UnitCode || r.AssistingUnitCodes.Contains(filter.UnitCode))
            .OrderBy(r => r.SubjectCode, StringComparer.Ordinal).ThenBy(r => r.DistrictCode, StringComparer.Ordinal).ThenByDescending(r => r.Priority).ThenBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        return ([.. rules.Skip((page - 1) * pageSize).Take(pageSize)], rules.Count);
    }

    /// <summary>One rule, or null.</summary>
    public Task<RoutingRule?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);

    /// <summary>Adds a rule; an id already taken, or a second rule for the same subject, district and priority, is refused.</summary>
    public async Task<Change<RoutingRule>> CreateAsync(string actor, RoutingRuleFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Codes.Check(fields.Id, "id", errors, MaxIdLength);
        var rule = new RoutingRule { Id = fields.Id?.Trim() ?? "" };
        if (await ApplyAsync(rule, fields, errors, cancellationToken) is { } refused)
            return refused;
        if (await db.RoutingRules.AnyAsync(r => r.Id == rule.Id, cancellationToken))
            return Change<RoutingRule>.Refused($"There is already a rule '{rule.Id}'; change it instead.");
        return await changes.CreateAsync(actor, AuditActions.RoutingRuleCreated, AuditEntityTypes.RoutingRule, rule.Id, rule, cancellationToken);
    }

    /// <summary>Replaces a rule's fields, if <see cref="RoutingRuleFields.Version"/> is current.</summary>
    public async Task<Change<RoutingRule>> UpdateAsync(string actor, string id, RoutingRuleFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(fields.Version, errors);
        Codes.CheckSameKey(fields.Id, id, "id", errors);
        return await changes.UpdateAsync<RoutingRule>(actor, AuditActions.RoutingRuleUpdated, AuditEntityTypes.RoutingRule, id, fields.Version,
            rule => ApplyAsync(rule, fields, errors, cancellationToken), cancellationToken);
    }

    /// <summary>Deletes a rule at <paramref name="version"/>; routing falls back to the next rule or the dispatch desk.</summary>
    public async Task<Change<RoutingRule>> DeleteAsync(string actor, string id, int? version, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(version, errors);
        if (errors.Count > 0)
            return Change<RoutingRule>.Invalid(errors);
        return await changes.DeleteAsync<RoutingRule>(actor, AuditActions.RoutingRuleDeleted, AuditEntityTypes.RoutingRule, id, version, cancellationToken);
    }

    private async Task<Change<RoutingRule>?> ApplyAsync(RoutingRule rule, RoutingRuleFields fields, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var subject = Codes.Trimmed(fields.SubjectCode);
        Codes.Check(subject, "subjectCode", errors);
        if (!errors.ContainsKey("subjectCode") && !await db.Subjects.AnyAsync(s => s.Code == subject, cancellationToken))
            errors["subjectCode"] = [$"There is no subject '{subject}'."];
        var district = Codes.Trimmed(fields.DistrictCode);
        if (district is not null && !Codes.IsDistrictCode(district))
            errors["districtCode"] = [$"'{district}' is not a six-digit division code; leave it empty for any district."];
        var lead = Codes.Trimmed(fields.LeadUnitCode);
        Codes.Check(lead, "leadUnitCode", errors);
        var assisting = (fields.AssistingUnitCodes ?? []).Select(c => c?.Trim() ?? "").ToList();
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.Code == lead || assisting.Contains(u.Code))
            .ToDictionaryAsync(u => u.Code, u => u.IsActive, StringComparer.Ordinal, cancellationToken);
        if (!errors.ContainsKey("leadUnitCode"))
        {
            if (!units.TryGetValue(lead!, out var active))
                errors["leadUnitCode"] = [$"There is no unit '{lead}'."];
            else if (!active)
                errors["leadUnitCode"] = [$"{lead} is inactive; routing passes over rules whose lead unit is inactive."];
        }

        if (assisting.FirstOrDefault(c => !units.ContainsKey(c)) is { } unknown)
            errors["assistingUnitCodes"] = [$"There is no unit '{unknown}'."];
        else if (assisting.Contains(lead ?? ""))
            errors["assistingUnitCodes"] = [$"The lead unit {lead} cannot also assist."];
        else if (assisting.Distinct(StringComparer.Ordinal).Count() != assisting.Count)
            errors["assistingUnitCodes"] = ["Each assisting unit once."];
        if (errors.Count > 0)
            return Change<RoutingRule>.Invalid(errors);

        var priority = fields.Priority ?? 0;
        if (await db.RoutingRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id != rule.Id && r.SubjectCode == subject && r.DistrictCode == district && r.Priority == priority,
                cancellationToken) is { } twin)
        {
            return Change<RoutingRule>.Refused(
                $"Rule {twin.Id} already routes {subject} in {district ?? "any district"} at priority {priority}; change that rule or give this one another priority.");
        }

        rule.SubjectCode = subject!;
        rule.DistrictCode = district;
        rule.LeadUnitCode = lead!;
        rule.AssistingUnitCodes = assisting;
        rule.Priority = priority;
        return null;
    }
}
