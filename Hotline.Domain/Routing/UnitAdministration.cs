using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Routing;

/// <summary>
/// Administrators' edits of the handling-unit tree (scoped). The tree stays a four-level tree: a root is a city
/// department or a district, a child is one level below its parent and (below a district-level unit) serves the
/// parent's district. A unit with open inbox tasks or active children is neither moved nor deactivated: its work would
/// be stranded, so the refusal names the counts and the remedy.
/// </summary>
public sealed class UnitAdministration(HotlineDbContext db, VersionedChanges changes)
{
    /// <summary>Units by level and code, filtered and paged, with their counts.</summary>
    public async Task<(List<UnitView> Items, int Total)> ListAsync(UnitFilter filter, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.HandlingUnits.AsNoTracking();
        if (filter.ParentCode is { } parent)
            query = query.Where(u => u.ParentCode == parent);
        if (filter.DistrictCode is { } district)
            query = query.Where(u => u.DistrictCode == district);
        if (filter.Level is { } level)
            query = query.Where(u => u.Level == level);
        if (filter.Active is { } active)
            query = query.Where(u => u.IsActive == active);
        var total = await query.CountAsync(cancellationToken);
        var units = await query.OrderBy(u => u.Level).ThenBy(u => u.Code).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var codes = units.Select(u => u.Code).ToList();
        var children = await db.HandlingUnits.AsNoTracking().Where(u => u.ParentCode != null && codes.Contains(u.ParentCode))
            .GroupBy(u => u.ParentCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var tasks = await OpenTasks().Where(t => codes.Contains(t.UnitCode!))
            .GroupBy(t => t.UnitCode!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return ([.. units.Select(u => UnitView.From(u, children.GetValueOrDefault(u.Code), tasks.GetValueOrDefault(u.Code)))], total);
    }

    /// <summary>One unit with its counts, or null.</summary>
    public async Task<UnitView?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        await db.HandlingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code, cancellationToken) is { } unit ? await ViewAsync(unit, cancellationToken) : null;

    /// <summary>The view of <paramref name="unit"/> with its counts.</summary>
    public async Task<UnitView> ViewAsync(HandlingUnit unit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var children = await db.HandlingUnits.CountAsync(u => u.ParentCode == unit.Code, cancellationToken);
        return UnitView.From(unit, children, await OpenTasks().CountAsync(t => t.UnitCode == unit.Code, cancellationToken));
    }

    /// <summary>Adds a unit; a code already taken is refused.</summary>
    public async Task<Change<HandlingUnit>> CreateAsync(string actor, UnitFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Codes.Check(fields.Code, "code", errors);
        var unit = new HandlingUnit { Code = fields.Code?.Trim() ?? "" };
        if (await ApplyAsync(unit, fields, errors, cancellationToken) is { } invalid)
            return invalid;
        if (await db.HandlingUnits.AnyAsync(u => u.Code == unit.Code, cancellationToken))
            return Change<HandlingUnit>.Refused($"There is already a unit '{unit.Code}'; change it instead.");
        return await changes.CreateAsync(actor, AuditActions.UnitCreated, AuditEntityTypes.HandlingUnit, unit.Code, unit, cancellationToken);
    }

    /// <summary>Replaces a unit's fields, if <see cref="UnitFields.Version"/> is current and the tree allows it.</summary>
    public async Task<Change<HandlingUnit>> UpdateAsync(string actor, string code, UnitFields fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        VersionedChanges.RequireVersion(fields.Version, errors);
        Codes.CheckSameKey(fields.Code, code, "code", errors);
        return await changes.UpdateAsync<HandlingUnit>(actor, AuditActions.UnitUpdated, AuditEntityTypes.HandlingUnit, code, fields.Version, async unit =>
        {
            var (parent, level, district, active) = (unit.ParentCode, unit.Level, unit.DistrictCode, unit.IsActive);
            if (Codes.Trimmed(fields.ParentCode) is { } newParent && await CycleAsync(unit.Code, newParent, cancellationToken) is { } cycle)
                return errors.Count > 0 ? Change<HandlingUnit>.Invalid(errors) : Change<HandlingUnit>.Refused(cycle);
            if (await ApplyAsync(unit, fields, errors, cancellationToken) is { } invalid)
                return invalid;
            var moved = unit.ParentCode != parent;
            var deactivated = active && !unit.IsActive;
            if (moved || deactivated)
                return await RefuseReshapeAsync(unit, moved ? "be moved" : "be deactivated", movesWork: true, cancellationToken);
            return unit.Level != level || unit.DistrictCode != district
                ? await RefuseReshapeAsync(unit, "change its level or district", movesWork: false, cancellationToken)
                : null;
        }, cancellationToken);
    }

    /// <summary>Validates <paramref name="fields"/> and copies them onto <paramref name="unit"/>; the problem, or null.</summary>
    private async Task<Change<HandlingUnit>?> ApplyAsync(HandlingUnit unit, UnitFields fields, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        Codes.CheckText(fields.Name, "name", 100, errors);
        Codes.CheckText(fields.ContactPhone, "contactPhone", 32, errors, required: false);
        var email = ContactChecks.Email(fields.ContactEmail, "contactEmail", errors);
        if (fields.Level is not { } level || !Enum.IsDefined(level))
            errors["level"] = [$"Required: one of {string.Join(", ", Enum.GetNames<UnitLevel>())}."];
        var parentCode = Codes.Trimmed(fields.ParentCode);
        var parent = parentCode is null ? null : await db.HandlingUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == parentCode, cancellationToken);
        if (parentCode is not null && parent is null)
            errors["parentCode"] = [$"There is no unit '{parentCode}'."];
        else if (parentCode == unit.Code)
            errors["parentCode"] = ["A unit cannot be its own parent."];
        else if (fields.Level is { } l && Enum.IsDefined(l) && LevelProblem(l, parent) is { } levelProblem)
            errors["level"] = [levelProblem];
        var district = Codes.Trimmed(fields.DistrictCode) ?? (parent is { Level: not UnitLevel.CityDepartment } ? parent.DistrictCode : null);
        if (!Codes.IsDistrictCode(district))
            errors["districtCode"] = [district is null ? "Required: a six-digit division code." : $"'{district}' is not a six-digit division code."];
        else if (parent is { Level: not UnitLevel.CityDepartment } && district != parent.DistrictCode)
            errors["districtCode"] = [$"A unit below {parent.Code} serves its district {parent.DistrictCode}."];
        if (fields.ResponseLevel is { } response && !Enum.IsDefined(response))
            errors["responseLevel"] = [$"One of {string.Join(", ", Enum.GetNames<ResponseLevel>())}."];
        if (errors.Count > 0)
            return Change<HandlingUnit>.Invalid(errors);

        unit.Name = fields.Name!.Trim();
        unit.ParentCode = parentCode;
        unit.Level = fields.Level!.Value;
        unit.DistrictCode = district!;
        unit.IsOnDuty24h = fields.IsOnDuty24h ?? false;
        unit.ResponseLevel = fields.ResponseLevel ?? ResponseLevel.Standard;
        unit.ContactPhone = Codes.Trimmed(fields.ContactPhone);
        unit.ContactEmail = email;
        unit.IsActive = fields.Active ?? true;
        return null;
    }

    private static string? LevelProblem(UnitLevel level, HandlingUnit? parent) => parent switch
    {
        null when level is not (UnitLevel.CityDepartment or UnitLevel.District) => $"A unit without a parent is a CityDepartment or a District, not a {level}.",
        { Level: UnitLevel.Community } => $"{parent.Code} is a Community, the lowest level; it has no units below it.",
        not null when level != parent.Level + 1 => $"A unit below {parent.Code} ({parent.Level}) is a {parent.Level + 1}.",
        _ => null,
    };

    /// <summary>Why putting <paramref name="code"/> under <paramref name="newParent"/> would make a loop, or null.</summary>
    private async Task<string?> CycleAsync(string code, string newParent, CancellationToken cancellationToken) =>
        TreeCycles.Find(await db.HandlingUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.ParentCode, StringComparer.Ordinal, cancellationToken),
            code, newParent, "unit");

    /// <summary>
    /// A refusal when the unit has open tasks (for a move or a deactivation) or children (active ones for a move or a
    /// deactivation; any for a change of level or district, which its children follow); null when nothing hangs on it.
    /// </summary>
    private async Task<Change<HandlingUnit>?> RefuseReshapeAsync(HandlingUnit unit, string verb, bool movesWork, CancellationToken cancellationToken)
    {
        var reasons = new List<string>();
        if (movesWork && await OpenTasks().CountAsync(t => t.UnitCode == unit.Code, cancellationToken) is > 0 and var tasks)
            reasons.Add($"{tasks} open task{(tasks == 1 ? "" : "s")}; reassign them first");
        var children = db.HandlingUnits.AsNoTracking().Where(u => u.ParentCode == unit.Code);
        if (await (movesWork ? children.Where(u => u.IsActive) : children).CountAsync(cancellationToken) is > 0 and var count)
            reasons.Add($"{count} {(movesWork ? "active " : "")}child unit{(count == 1 ? "" : "s")}; move or deactivate them first");
        return reasons.Count == 0 ? null : Change<HandlingUnit>.Refused($"{unit.Code} cannot {verb}: {string.Join("; and ", reasons)}.");
    }

    private IQueryable<InboxTask> OpenTasks() =>
        db.InboxTasks.AsNoTracking().Where(t => t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor);
}
