using Hotline.Domain.Administration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Routing;

/// <summary>
/// A handling unit (承办单位): a node of the four-level tree of city departments, districts/counties, towns/streets
/// and villages/communities that cases are dispatched to.
/// </summary>
public sealed class HandlingUnit : IVersioned
{
    /// <summary>The unit's code, its key (for example <c>DH-02</c>); the workflows and inbox refer to units by it.</summary>
    public string Code { get; set; } = "";

    /// <summary>The unit's name (东湖区新华街道办事处).</summary>
    public string Name { get; set; } = "";

    /// <summary>The code of the unit above it; null for city departments and districts, the roots of the tree.</summary>
    public string? ParentCode { get; set; }

    /// <summary>Where the unit sits in the tree.</summary>
    public UnitLevel Level { get; set; }

    /// <summary>
    /// The six-digit administrative division code (行政区划代码) of the area the unit serves: the city's own code for city
    /// departments, the district's code for a district and every town and community in it.
    /// </summary>
    public string DistrictCode { get; set; } = "";

    /// <summary>Whether cases may be dispatched to it; routing passes over rules whose lead unit is inactive.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>The unit's hotline contact telephone (热线联络电话).</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The unit's e-mail address for the hotline's notices (new tasks, cards, 督办); null for none.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Whether someone answers the unit's inbox round the clock (24小时值班): water, power, gas, emergency management.</summary>
    public bool IsOnDuty24h { get; set; }

    /// <summary>How fast the unit is expected to respond to what is dispatched to it.</summary>
    public ResponseLevel ResponseLevel { get; set; } = ResponseLevel.Standard;

    /// <inheritdoc />
    public int Version { get; set; } = 1;
}

/// <summary>How fast a unit is expected to respond (响应级别).</summary>
public enum ResponseLevel
{
    /// <summary>Within the category's working-day limits.</summary>
    Standard,

    /// <summary>Signs for work the same working day (重点单位).</summary>
    Priority,

    /// <summary>Responds at once, also outside working hours (应急处突 units).</summary>
    Emergency,
}

/// <summary>The four levels of the handling-unit tree.</summary>
public enum UnitLevel
{
    /// <summary>A city department or public-service company (市直部门): 住建局, 供水公司...</summary>
    CityDepartment = 1,

    /// <summary>A district or county government (区县).</summary>
    District = 2,

    /// <summary>A town or street office (乡镇街道).</summary>
    Town = 3,

    /// <summary>A village or residents' committee (村居社区).</summary>
    Community = 4,
}

internal sealed class HandlingUnitConfiguration : IEntityTypeConfiguration<HandlingUnit>
{
    public void Configure(EntityTypeBuilder<HandlingUnit> builder)
    {
        builder.ToTable("HandlingUnits");
        builder.HasKey(u => u.Code);
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.Property(u => u.Name).HasMaxLength(100).IsRequired();
        builder.Property(u => u.ParentCode).HasMaxLength(32);
        builder.Property(u => u.DistrictCode).HasMaxLength(6).IsRequired();
        builder.Property(u => u.ContactPhone).HasMaxLength(32);
        builder.Property(u => u.ContactEmail).HasMaxLength(256);
        builder.Property(u => u.ResponseLevel).HasConversion<string>().HasMaxLength(16);
        builder.Property(u => u.Version).IsConcurrencyToken();
        // Children of a unit (sub-dispatch picks from them) and the units of a district.
        builder.HasIndex(u => u.ParentCode);
        builder.HasIndex(u => new { u.DistrictCode, u.Level });
        builder.HasOne<HandlingUnit>().WithMany().HasForeignKey(u => u.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}
