using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Workbench;

/// <summary>
/// The names people read instead of codes: subjects (诉求分类), handling units and districts. A district is named by
/// its district-level unit (区县, <see cref="UnitLevel.District"/>; the first by code when several serve it): the centre
/// keeps no other list of district names. A code with no name is shown as itself.
/// </summary>
internal sealed class ReferenceNames
{
    private readonly Dictionary<string, string> _subjects;
    private readonly Dictionary<string, string> _units;
    private readonly Dictionary<string, string> _districts;

    private ReferenceNames(Dictionary<string, string> subjects, Dictionary<string, string> units, Dictionary<string, string> districts) =>
        (_subjects, _units, _districts) = (subjects, units, districts);

    /// <summary>The district-level units that name the districts, by district and code.</summary>
    public static IQueryable<HandlingUnit> DistrictUnits(HotlineDbContext db) =>
        db.HandlingUnits.AsNoTracking().Where(u => u.Level == UnitLevel.District && u.IsActive).OrderBy(u => u.DistrictCode).ThenBy(u => u.Code);

    /// <summary>Reads the names of these codes (nulls and repeats ignored), in three queries.</summary>
    public static async Task<ReferenceNames> ReadAsync(
        HotlineDbContext db, IEnumerable<string?> subjectCodes, IEnumerable<string?> unitCodes, IEnumerable<string?> districtCodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var subjects = Wanted(subjectCodes);
        var units = Wanted(unitCodes);
        var districts = Wanted(districtCodes);
        var districtUnits = await DistrictUnits(db).Where(u => districts.Contains(u.DistrictCode)).Select(u => new { u.DistrictCode, u.Name })
            .ToListAsync(cancellationToken);
        return new ReferenceNames(
            await db.Subjects.AsNoTracking().Where(s => subjects.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken),
            await db.HandlingUnits.AsNoTracking().Where(u => units.Contains(u.Code)).ToDictionaryAsync(u => u.Code, u => u.Name, cancellationToken),
            districtUnits.DistinctBy(u => u.DistrictCode).ToDictionary(u => u.DistrictCode, u => u.Name));
    }

    /// <summary>The subject's name.</summary>
    public string? Subject(string? code) => Of(_subjects, code);

    /// <summary>The unit's name.</summary>
    public string? Unit(string? code) => Of(_units, code);

    /// <summary>The district's name.</summary>
    public string? District(string? code) => Of(_districts, code);

    private static string? Of(Dictionary<string, string> names, string? code) => code is null ? null : names.GetValueOrDefault(code, code);

    private static List<string> Wanted(IEnumerable<string?> codes) => codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
}
