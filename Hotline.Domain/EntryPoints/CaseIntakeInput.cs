using System.Text.Json.Nodes;
using Hotline.Domain.Cases;

namespace Hotline.Domain.EntryPoints;

/// <summary>
/// Reads the input of a case-intake entry point (the lifecycle's declared inputs: <c>Channel</c>, <c>Content</c>,
/// <c>CaseType</c>...) as a <see cref="CaseIntakeRequest"/>, and names <see cref="CaseIntake"/>'s errors by those inputs.
/// </summary>
public static class CaseIntakeInput
{
    // Input name → the intake field (the names CaseIntake's errors use).
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Channel"] = "channel",
        ["Content"] = "content",
        ["CaseType"] = "type",
        ["SubjectCode"] = "subjectCode",
        ["CitizenName"] = "citizenName",
        ["CitizenPhone"] = "citizenPhone",
        ["Address"] = "address",
        ["DistrictCode"] = "districtCode",
        ["Urgency"] = "urgency",
        ["KnowledgeArticleId"] = "knowledgeArticleId",
    };

    /// <summary>The request, or null and the bad inputs (unknown names, <c>SubmittedBy</c>, values that are not text).</summary>
    public static (CaseIntakeRequest? Request, Dictionary<string, string[]> Errors) Read(JsonObject? input)
    {
        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in input ?? [])
        {
            if (string.Equals(name, EntryPointStarter.SubmittedByInput, StringComparison.OrdinalIgnoreCase))
                errors[$"input.{name}"] = ["The submitter is the caller's credential; leave it out."];
            else if (!Fields.TryGetValue(name, out var field))
                errors[$"input.{name}"] = [$"A case takes the inputs {string.Join(", ", Fields.Keys)}."];
            else if (value is not null && (value is not JsonValue text || !text.TryGetValue<string>(out _)))
                errors[$"input.{name}"] = ["Expected text."];
            else
                values[field] = value?.GetValue<string>();
        }

        if (errors.Count > 0)
            return (null, errors);
        string? Get(string field) => values.GetValueOrDefault(field);
        return (new CaseIntakeRequest(Get("channel"), Get("content"), Get("type"), Get("subjectCode"), Get("citizenName"), Get("citizenPhone"),
            Get("address"), Get("districtCode"), Get("urgency"), Get("knowledgeArticleId")), errors);
    }

    /// <summary><see cref="CaseIntake"/>'s errors keyed by input (<c>input.CaseType</c>); other keys (headers) as they are.</summary>
    public static Dictionary<string, string[]> InputErrors(IReadOnlyDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.ToDictionary(
            e => Fields.FirstOrDefault(f => f.Value == e.Key).Key is { } input ? $"input.{input}" : e.Key,
            e => e.Value);
    }
}
