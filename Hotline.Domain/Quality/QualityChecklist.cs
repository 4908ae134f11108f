using System.Text.Json.Nodes;

namespace Hotline.Domain.Quality;

/// <summary>
/// 查工单's checklist as a checker fills it in: is the case classified right (分类正确), the answer complete (答复完整), the
/// case handled properly (办理规范); and a note. Passed when every item holds.
/// </summary>
public sealed record QualityChecklist(bool ClassificationRight, bool AnswerComplete, bool HandledProperly, string? Note)
{
    /// <summary>The quality desk's inbox code (the centre's 质检 desk): the graph puts 查工单 tasks there.</summary>
    public const string DeskCode = "RX-ZJ";

    /// <summary>The task outcome of a check every item of which holds.</summary>
    public const string Passed = "Passed";

    /// <summary>The task outcome of a check with an item that does not hold: the case goes back to its lead unit.</summary>
    public const string Failed = "Failed";

    /// <summary>Whether every item holds.</summary>
    public bool Passes => ClassificationRight && AnswerComplete && HandledProperly;

    /// <summary>The items that do not hold, in Chinese as the timeline and the unit read them.</summary>
    public IReadOnlyList<string> FailedItems =>
    [
        .. ClassificationRight ? Array.Empty<string>() : ["分类不正确"],
        .. AnswerComplete ? Array.Empty<string>() : ["答复不完整"],
        .. HandledProperly ? Array.Empty<string>() : ["办理不规范"],
    ];

    /// <summary>Why the case goes back (the failed items and the note): the graph's reopen reason.</summary>
    public string Reason => string.Join("；", Note is { Length: > 0 } note ? [.. FailedItems, note] : FailedItems);

    /// <summary>The task's result: the items, the note and the reason, as the graph and the timeline read them.</summary>
    public JsonObject ToResult() => new()
    {
        ["classificationRight"] = ClassificationRight,
        ["answerComplete"] = AnswerComplete,
        ["handledProperly"] = HandledProperly,
        ["note"] = Note,
        ["reason"] = Reason,
    };
}
