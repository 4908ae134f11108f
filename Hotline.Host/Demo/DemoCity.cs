using Hotline.Domain.Knowledge;
using Hotline.Domain.Reference;
using Hotline.Domain.Routing;

namespace Hotline.Host.Demo;

/// <summary>The reference data of the demo city: units, subjects, routing rules and knowledge-base answers.</summary>
public sealed record DemoData(
    IReadOnlyList<HandlingUnit> Units,
    IReadOnlyList<Subject> Subjects,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<KnowledgeArticle> Articles);

/// <summary>
/// 云州市, a made-up prefecture-level city of five districts and counties, shaped after the 12345 centres described in
/// the project's sources (Jincheng, Ningxiang): city departments and public-service companies, districts and counties,
/// their streets and towns, and communities and villages under those; a subject taxonomy; routing rules for every
/// subject in every district; and knowledge-base answers. Division codes start with 99, a prefix no real area has.
/// </summary>
/// <remarks>
/// The city is source data: the CSV files in the repository's <c>reference/demo/</c> (copied next to the host), in
/// the layouts every centre loads its own data with (<see cref="ReferenceLayout"/>). Edit the files, not code.
/// </remarks>
public static class DemoCity
{
    /// <summary>The city's own division code, used by city departments.</summary>
    public const string CityDistrictCode = "990100";

    /// <summary>The hotline centre's dispatch desk, the default owner of unrouted cases (<see cref="RoutingOptions.DefaultDispatchUnitCode"/>).</summary>
    public const string DispatchDeskCode = RoutingOptions.DefaultDispatchUnit;

    /// <summary>The folder of the shipped files, next to the host.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "reference", "demo");

    /// <summary>The shipped files, one per kind.</summary>
    public static IReadOnlyList<string> Files { get; } =
        [.. Enum.GetValues<ReferenceKind>().Select(k => Path.Combine(Folder, ReferenceFileNames.For(k, ReferenceFormat.Csv)))];

    /// <summary>Reads the shipped files; a problem in them is a broken build, so it throws.</summary>
    public static DemoData Load()
    {
        var contents = Files.Select(path =>
        {
            using var stream = File.OpenRead(path);
            return ReferenceReader.Read(path, stream);
        }).ToList();
        if (contents.SelectMany(c => c.Problems).FirstOrDefault() is { } problem)
            throw new InvalidOperationException($"The shipped demo file {problem.File} is broken: row {problem.Row}, {problem.Column}: {problem.Reason}");
        List<T> Of<T>(ReferenceKind kind) => [.. contents.Single(c => c.Kind == kind).Rows.Select(r => (T)r.Entity)];
        return new DemoData(Of<HandlingUnit>(ReferenceKind.Units), Of<Subject>(ReferenceKind.Subjects), Of<RoutingRule>(ReferenceKind.Routing), Of<KnowledgeArticle>(ReferenceKind.Knowledge));
    }
}
