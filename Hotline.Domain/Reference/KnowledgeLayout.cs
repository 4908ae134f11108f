using Hotline.Domain.Knowledge;

namespace Hotline.Domain.Reference;

/// <summary><c>knowledge.csv</c>: knowledge-base answers (知识库), one article a row.</summary>
public sealed class KnowledgeLayout : ReferenceLayout<KnowledgeArticle>
{
    /// <inheritdoc />
    public override ReferenceKind Kind => ReferenceKind.Knowledge;

    /// <inheritdoc />
    public override IReadOnlyList<ReferenceColumn> Columns { get; } =
    [
        new("id", "编号", true, "the article's id, its key (KB-0001)"),
        new("title", "标题", true, "the title"),
        new("question", "问题", true, "the question as citizens ask it"),
        new("answer", "答复", true, "the answer the operator gives"),
        new("subjectCode", "诉求分类编码", false, "the subject it answers"),
        new("keywords", "关键词", false, "search keywords separated by spaces"),
        new("updatedAt", "更新时间", false, "when it was last checked (2026-01-15 or 2026-01-15T09:30:00+08:00; without an offset UTC); empty: now for a new article, unchanged for an existing one"),
        new("active", "启用", false, "true or false (是/否), the same as status Published; empty: as the status says, or true"),
        new("status", "状态", false, "Draft, InReview, Published or Expired; empty: Published when active, Expired when not"),
        new("validFrom", "生效日期", false, "the first day it is offered (2026-01-15, the hotline's date); empty: from publication"),
        new("validTo", "失效日期", false, "the last day it is offered, not before validFrom; empty: until expired"),
        new("author", "撰写人", false, "the user name of who last wrote it"),
        new("reviewer", "审核人", false, "the user name of who approved it"),
        new("returnReason", "退回原因", false, "why a reviewer returned it to draft"),
    ];

    internal override KnowledgeArticle ReadRow(ReferenceCells cells)
    {
        var article = Article(cells);
        var active = cells.Raw("active").Length == 0 ? (bool?)null : cells.Flag("active", empty: true);
        article.SetStatus(cells.Raw("status").Length == 0
            ? active == false ? KnowledgeStatus.Expired : KnowledgeStatus.Published
            : cells.Choice<KnowledgeStatus>("status", null));
        if (active is { } flag && flag != article.IsActive)
            cells.Problem("active", $"{(flag ? "true" : "false")} contradicts status {article.Status} (active means Published)");
        if (article is { ValidFrom: { } from, ValidTo: { } to } && to < from)
            cells.Problem("validTo", $"{ReferenceText.Date(to)} is before validFrom {ReferenceText.Date(from)}");
        return article;
    }

    private static KnowledgeArticle Article(ReferenceCells cells) => new()
    {
        Id = cells.Code("id"),
        Title = cells.Text("title", 200),
        Question = cells.Text("question", MaxTextLength),
        Answer = cells.Text("answer", MaxTextLength),
        SubjectCode = cells.OptionalCode("subjectCode"),
        Keywords = cells.OptionalText("keywords", 500) ?? "",
        // DateTimeOffset.MinValue stands for "not given": the importer keeps the stored date or takes now.
        UpdatedAt = cells.Timestamp("updatedAt") ?? DateTimeOffset.MinValue,
        ValidFrom = cells.Date("validFrom"),
        ValidTo = cells.Date("validTo"),
        Author = cells.OptionalText("author", 64),
        Reviewer = cells.OptionalText("reviewer", 64),
        ReturnReason = cells.OptionalText("returnReason", 500),
    };

    internal override IReadOnlyList<string> WriteRow(KnowledgeArticle entity) =>
    [
        entity.Id, entity.Title, entity.Question, entity.Answer, entity.SubjectCode ?? "", entity.Keywords, ReferenceText.Timestamp(entity.UpdatedAt),
        ReferenceText.Flag(entity.IsActive), entity.Status.ToString(), ReferenceText.Date(entity.ValidFrom), ReferenceText.Date(entity.ValidTo),
        entity.Author ?? "", entity.Reviewer ?? "", entity.ReturnReason ?? "",
    ];

    internal override string Key(KnowledgeArticle entity) => entity.Id;
}
