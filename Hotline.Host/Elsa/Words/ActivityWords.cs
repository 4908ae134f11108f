using System.Text.Json;

namespace Hotline.Host.Elsa.Words;

/// <summary>
/// The Chinese words of the activity catalogue (<c>activity-words-zh.json</c>, keyed by activity type and member name):
/// display names, categories, descriptions, input and output labels and the outcome names as shown. English is what
/// the activities' attributes say. Only what people read changes: type names, input names and outcome keys stay, so
/// definitions keep loading and the Studio keeps matching ports by name.
/// </summary>
public sealed class ActivityWords
{
    /// <summary>The language the attributes are written in.</summary>
    public const string English = "en";

    private static readonly Lazy<ActivityWords> Shipped = new(Load);

    private readonly WordsFile _file;

    private ActivityWords(WordsFile file) => _file = file;

    /// <summary>The words shipped with the host.</summary>
    public static ActivityWords Chinese => Shipped.Value;

    /// <summary>The descriptor as the reader of <paramref name="language"/> sees it; English leaves it as it is.</summary>
    public ActivityDescriptorModel Translate(ActivityDescriptorModel descriptor, string language)
    {
        if (language == English)
            return descriptor;
        var words = _file.Activities.GetValueOrDefault(descriptor.TypeName);
        return descriptor with
        {
            Category = Category(descriptor.Category),
            DisplayName = words?.DisplayName ?? descriptor.DisplayName,
            Description = words?.Description ?? descriptor.Description,
            Inputs = descriptor.Inputs.Select(i => InputWords(words, i.Name) is { } w
                ? i with { DisplayName = w.DisplayName ?? i.DisplayName, Description = w.Description ?? i.Description }
                : i).ToList(),
            Outputs = descriptor.Outputs.Select(o => OutputWords(words, o.Name) is { } w
                ? o with { DisplayName = w.DisplayName ?? o.DisplayName, Description = w.Description ?? o.Description }
                : o).ToList(),
            Ports = descriptor.Ports.Select(p => p with { DisplayName = _file.Outcomes.GetValueOrDefault(p.Name, p.DisplayName) }).ToList(),
        };
    }

    /// <summary>A category path (<c>Hotline/Cases</c>) in Chinese, part by part; parts without words stay.</summary>
    public string Category(string category) =>
        string.Join('/', category.Split('/').Select(part => _file.Categories.GetValueOrDefault(part, part)));

    /// <summary>
    /// What the table lacks for these (English) descriptors, one line each (<c>Elsa.WriteLine: input Text description</c>):
    /// every display name, category and outcome, and every description the English has.
    /// </summary>
    public IReadOnlyList<string> Missing(IEnumerable<ActivityDescriptorModel> descriptors)
    {
        var missing = new List<string>();
        foreach (var d in descriptors)
        {
            var words = _file.Activities.GetValueOrDefault(d.TypeName);
            void Need(bool present, string what)
            {
                if (!present)
                    missing.Add($"{d.TypeName}: {what}");
            }

            Need(words?.DisplayName is not null, "displayName");
            Need(words?.Description is not null || d.Description is null, "description");
            foreach (var part in d.Category.Split('/'))
                Need(_file.Categories.ContainsKey(part), $"category {part}");
            foreach (var input in d.Inputs)
            {
                var w = InputWords(words, input.Name);
                Need(w?.DisplayName is not null, $"input {input.Name} displayName");
                Need(w?.Description is not null || input.Description is null, $"input {input.Name} description");
            }

            foreach (var output in d.Outputs)
            {
                var w = OutputWords(words, output.Name);
                Need(w?.DisplayName is not null, $"output {output.Name} displayName");
                Need(w?.Description is not null || output.Description is null, $"output {output.Name} description");
            }

            foreach (var port in d.Ports)
                Need(_file.Outcomes.ContainsKey(port.Name), $"outcome {port.Name}");
        }

        return missing.Distinct(StringComparer.Ordinal).ToList();
    }

    // A type's own words for a member, else the words every type shares for that name (CaseId, Reason, By...).
    private MemberWords? InputWords(TypeWords? words, string name) => words?.Inputs?.GetValueOrDefault(name) ?? _file.Inputs.GetValueOrDefault(name);

    private MemberWords? OutputWords(TypeWords? words, string name) => words?.Outputs?.GetValueOrDefault(name) ?? _file.Outputs.GetValueOrDefault(name);

    private static ActivityWords Load()
    {
        using var stream = typeof(ActivityWords).Assembly.GetManifestResourceStream("Hotline.Host.Elsa.Words.activity-words-zh.json")
            ?? throw new InvalidOperationException("The activity words are not embedded in the host assembly.");
        return new ActivityWords(JsonSerializer.Deserialize<WordsFile>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The activity words file is empty."));
    }

    private sealed record WordsFile(
        Dictionary<string, string> Categories,
        Dictionary<string, string> Outcomes,
        Dictionary<string, MemberWords> Inputs,
        Dictionary<string, MemberWords> Outputs,
        Dictionary<string, TypeWords> Activities);

    private sealed record TypeWords(string? DisplayName, string? Description, Dictionary<string, MemberWords>? Inputs, Dictionary<string, MemberWords>? Outputs);

    private sealed record MemberWords(string? DisplayName, string? Description);
}
