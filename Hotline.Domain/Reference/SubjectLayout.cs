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
        new("caseTypes", "受理类型", false, "the case types it accepts, separated by spaces or commas, the default among them; empty means every type"),
    ];

    internal override Subject ReadRow(ReferenceCells cells)
    {
        var subject = new Subject
        {
            Code = cells.Code("code"),
            Name = cells.Text("name", 100),
            ParentCode = cells.OptionalCode("parentCode"),
            DefaultCaseType = cells.Choice<CaseType>("defaultCaseType", CaseType.Consultation),
        };
        if (cells.Choices<CaseType>("caseTypes") is { } types)
            subject.CaseTypes = types;
        if (!subject.CaseTypes.Contains(subject.DefaultCaseType))
            cells.Problem("defaultCaseType", $"{subject.DefaultCaseType} is not one of the subject's case types ({string.Join(" ", subject.CaseTypes)})");
        return subject;
    }

    internal override IReadOnlyList<string> WriteRow(Subject entity) =>
        [entity.Code, entity.Name, entity.ParentCode ?? "", entity.DefaultCaseType.ToString(), string.Join(' ', entity.CaseTypes)];

    internal override string Key(Subject entity) => entity.Code;
}
