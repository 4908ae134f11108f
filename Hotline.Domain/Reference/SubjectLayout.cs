using Hotline.Domain.Cases;
using Hotline.Domain.Routing;

namespace Hotline.Domain.Reference;

/// <summary><c>subjects.csv</c>: the subject taxonomy (诉求分类), one subject a row; Open311 lists them as services.</summary>
public sealed class SubjectLayout : ReferenceLayout<Subject>
{
    /// <inheritdoc />
    public override ReferenceKind Kind => ReferenceKind.Subjects;

    /// <inheritdoc />
    public override IReadOnlyList<ReferenceColumn> Columns { get; } =
    [
        new("code", "编码", true, "the subject's code, its key (SR-ZDJY)"),
        new("name", "名称", true, "the subject's name"),
        new("parentCode", "上级编码", false, "the category it belongs to (empty for a top-level category)"),
        new("defaultCaseType", "默认类型", false, "the case type offered first: Consultation (default), Help, Complaint, Report, Suggestion, Praise..."),
    ];

    internal override Subject ReadRow(ReferenceCells cells) => new()
    {
        Code = cells.Code("code"),
        Name = cells.Text("name", 100),
        ParentCode = cells.OptionalCode("parentCode"),
        DefaultCaseType = cells.Choice<CaseType>("defaultCaseType", CaseType.Consultation),
    };

    internal override IReadOnlyList<string> WriteRow(Subject entity) =>
        [entity.Code, entity.Name, entity.ParentCode ?? "", entity.DefaultCaseType.ToString()];

    internal override string Key(Subject entity) => entity.Code;
}
