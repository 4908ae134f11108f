namespace Hotline.Domain.Routing;

/// <summary>A handling unit as administrators and dispatchers see it, with what hangs on it.</summary>
/// <param name="Code">The unit's code, its key.</param>
/// <param name="Name">The unit's name.</param>
/// <param name="ParentCode">The unit above it; null for a root (a city department or a district).</param>
/// <param name="Level">Where it sits in the four-level tree.</param>
/// <param name="DistrictCode">The six-digit division code of the area it serves.</param>
/// <param name="IsOnDuty24h">Whether its inbox is answered round the clock.</param>
/// <param name="ResponseLevel">How fast it is expected to respond.</param>
/// <param name="ContactPhone">The hotline contact telephone (a mobile number also gets its notices by text message).</param>
/// <param name="ContactEmail">The address its notices are e-mailed to (通知邮箱).</param>
/// <param name="Active">Whether cases may be dispatched to it.</param>
/// <param name="ChildCount">Units directly below it, active or not.</param>
/// <param name="OpenTaskCount">Inbox tasks of the unit still open or signed for; a unit with any is not moved or deactivated.</param>
/// <param name="Version">Send it back with a change; a change with an older version is refused (409).</param>
public sealed record UnitView(
    string Code, string Name, string? ParentCode, UnitLevel Level, string DistrictCode, bool IsOnDuty24h, ResponseLevel ResponseLevel,
    string? ContactPhone, string? ContactEmail, bool Active, int ChildCount, int OpenTaskCount, int Version)
{
    /// <summary>The view of <paramref name="unit"/> with its counts.</summary>
    public static UnitView From(HandlingUnit unit, int childCount, int openTaskCount)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return new(unit.Code, unit.Name, unit.ParentCode, unit.Level, unit.DistrictCode, unit.IsOnDuty24h, unit.ResponseLevel, unit.ContactPhone,
            unit.ContactEmail, unit.IsActive, childCount, openTaskCount, unit.Version);
    }
}

/// <summary>A unit as an administrator sends it; every field is replaced.</summary>
/// <param name="Code">The code, its key (required to create; it never changes).</param>
/// <param name="Version">The version read (updates only).</param>
/// <param name="Name">The name (required).</param>
/// <param name="ParentCode">The unit above it; empty for a root.</param>
/// <param name="Level">The level (required): one below the parent's; a root is a city department or a district.</param>
/// <param name="DistrictCode">Six digits; below a district-level unit it is the parent's (and may be left out).</param>
/// <param name="IsOnDuty24h">Round-the-clock duty; default false.</param>
/// <param name="ResponseLevel">Default <see cref="Routing.ResponseLevel.Standard"/>.</param>
/// <param name="ContactPhone">The hotline contact telephone.</param>
/// <param name="Active">Default true.</param>
/// <param name="ContactEmail">The address its notices are e-mailed to (通知邮箱), at most 256 characters; empty for none.</param>
public sealed record UnitFields(string? Code, int? Version, string? Name, string? ParentCode, UnitLevel? Level, string? DistrictCode, bool? IsOnDuty24h,
    ResponseLevel? ResponseLevel, string? ContactPhone, bool? Active, string? ContactEmail = null);

/// <summary>Filters of the unit list; null means any.</summary>
public sealed record UnitFilter(string? ParentCode, string? DistrictCode, UnitLevel? Level, bool? Active);
