using Hotline.Domain.Routing;

namespace Hotline.Domain.Reference;

/// <summary><c>units.csv</c>: the handling-unit tree (承办单位), one unit a row.</summary>
public sealed class UnitLayout : ReferenceLayout<HandlingUnit>
{
    /// <inheritdoc />
    public override ReferenceKind Kind => ReferenceKind.Units;

    /// <inheritdoc />
    public override IReadOnlyList<ReferenceColumn> Columns { get; } =
    [
        new("code", "编码", true, "the unit's code, its key (DH-02)"),
        new("name", "名称", true, "the unit's name"),
        new("parentCode", "上级编码", false, "the unit above it (empty for city departments and districts); in the file or already loaded"),
        new("level", "层级", true, "CityDepartment, District, Town or Community (or 1–4)"),
        new("districtCode", "行政区划代码", true, "the six-digit division code of the area it serves"),
        new("active", "启用", false, "true or false (是/否); empty means true"),
        new("contactPhone", "联系电话", false, "the hotline contact telephone"),
        new("isOnDuty24h", "24小时值班", false, "true or false (是/否): its inbox is answered round the clock; empty means false"),
        new("responseLevel", "响应级别", false, "Standard (default), Priority or Emergency"),
        new("contactEmail", "通知邮箱", false, "the e-mail address its notices go to"),
    ];

    internal override HandlingUnit ReadRow(ReferenceCells cells) => new()
    {
        Code = cells.Code("code"),
        Name = cells.Text("name", 100),
        ParentCode = cells.OptionalCode("parentCode"),
        Level = cells.Choice<UnitLevel>("level", null),
        DistrictCode = cells.DistrictCode("districtCode", required: true) ?? "",
        IsActive = cells.Flag("active", empty: true),
        ContactPhone = cells.OptionalText("contactPhone", 32),
        IsOnDuty24h = cells.Flag("isOnDuty24h", empty: false),
        ResponseLevel = cells.Choice<ResponseLevel>("responseLevel", ResponseLevel.Standard),
        ContactEmail = cells.OptionalEmail("contactEmail"),
    };

    internal override IReadOnlyList<string> WriteRow(HandlingUnit entity) =>
        [entity.Code, entity.Name, entity.ParentCode ?? "", entity.Level.ToString(), entity.DistrictCode, ReferenceText.Flag(entity.IsActive), entity.ContactPhone ?? "",
            ReferenceText.Flag(entity.IsOnDuty24h), entity.ResponseLevel.ToString(), entity.ContactEmail ?? ""];

    internal override string Key(HandlingUnit entity) => entity.Code;
}
