using Hotline.Domain.Routing;

namespace Hotline.Domain.Reference;

/// <summary><c>routing.csv</c>: routing rules (按责转办), one rule a row.</summary>
public sealed class RoutingRuleLayout : ReferenceLayout<RoutingRule>
{
    /// <summary>The longest rule id (the column's size).</summary>
    private const int MaxIdLength = 64;

    /// <inheritdoc />
    public override ReferenceKind Kind => ReferenceKind.Routing;

    /// <inheritdoc />
    public override IReadOnlyList<ReferenceColumn> Columns { get; } =
    [
        new("id", "编号", true, "the rule's id, its key (R-SR-ZDJY-DH)"),
        new("subjectCode", "诉求分类编码", true, "the subject it routes (a category's rule covers its subjects that have none)"),
        new("districtCode", "行政区划代码", false, "the six-digit division code it applies to; empty for any district"),
        new("leadUnitCode", "主办单位编码", true, "the unit that owns the case (主办)"),
        new("assistingUnitCodes", "协办单位编码", false, "units that help (协办), separated by spaces, commas or 、"),
        new("priority", "优先级", false, "a whole number, higher wins among equally specific rules; empty means 0"),
    ];

    internal override RoutingRule ReadRow(ReferenceCells cells)
    {
        var id = cells.Text("id", MaxIdLength);
        var rule = new RoutingRule
        {
            Id = id,
            SubjectCode = cells.Code("subjectCode"),
            DistrictCode = cells.DistrictCode("districtCode", required: false),
            LeadUnitCode = cells.Code("leadUnitCode"),
            AssistingUnitCodes = [.. cells.Codes("assistingUnitCodes")],
            Priority = cells.Integer("priority", 0),
        };
        if (rule.AssistingUnitCodes.Contains(rule.LeadUnitCode))
            cells.Problem("assistingUnitCodes", $"the lead unit {rule.LeadUnitCode} cannot also assist");
        return rule;
    }

    internal override IReadOnlyList<string> WriteRow(RoutingRule entity) =>
        [entity.Id, entity.SubjectCode, entity.DistrictCode ?? "", entity.LeadUnitCode, string.Join(' ', entity.AssistingUnitCodes), ReferenceText.Number(entity.Priority)];

    internal override string Key(RoutingRule entity) => entity.Id;
}
