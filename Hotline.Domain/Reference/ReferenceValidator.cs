using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Reference;

/// <summary>
/// The checks across rows, files and the database: keys unique within a kind; parent units and subjects exist (in
/// the files or already loaded) and the trees have no loop; a rule's subject, lead and assisting units exist; an
/// article's subject exists. A reference to a row that itself had a problem is not reported again.
/// </summary>
internal static class ReferenceValidator
{
    public static async Task CheckAsync(HotlineDbContext db, IReadOnlyList<ReferenceFileContent> files, List<ReferenceProblem> problems, CancellationToken cancellationToken)
    {
        var rows = Enum.GetValues<ReferenceKind>().ToDictionary(k => k, k => Unique(files.Where(f => f.Kind == k).SelectMany(f => f.Rows), ReferenceLayout.For(k), problems));
        var bad = Enum.GetValues<ReferenceKind>().ToDictionary(k => k, k => files.Where(f => f.Kind == k).SelectMany(f => f.BadKeys).ToHashSet(StringComparer.Ordinal));

        var units = await db.HandlingUnits.AsNoTracking().ToDictionaryAsync(u => u.Code, u => u.ParentCode, StringComparer.Ordinal, cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.ParentCode, StringComparer.Ordinal, cancellationToken);
        var unitTree = new Tree("unit", units, bad[ReferenceKind.Units]);
        var subjectTree = new Tree("subject", subjects, bad[ReferenceKind.Subjects]);
        unitTree.Overlay(rows[ReferenceKind.Units].Select(r => (r, ((HandlingUnit)r.Entity).ParentCode)));
        subjectTree.Overlay(rows[ReferenceKind.Subjects].Select(r => (r, ((Subject)r.Entity).ParentCode)));
        unitTree.CheckParents(problems);
        subjectTree.CheckParents(problems);

        foreach (var row in rows[ReferenceKind.Routing])
        {
            var rule = (RoutingRule)row.Entity;
            subjectTree.CheckExists(row, "subjectCode", rule.SubjectCode, problems);
            unitTree.CheckExists(row, "leadUnitCode", rule.LeadUnitCode, problems);
            foreach (var unit in rule.AssistingUnitCodes)
                unitTree.CheckExists(row, "assistingUnitCodes", unit, problems);
        }

        foreach (var row in rows[ReferenceKind.Knowledge])
        {
            if (((KnowledgeArticle)row.Entity).SubjectCode is { } subject)
                subjectTree.CheckExists(row, "subjectCode", subject, problems);
        }
    }

    /// <summary>The rows of a kind with each key once; a repeated key is a problem of the later row.</summary>
    public static List<ReferenceRow> Unique(IEnumerable<ReferenceRow> rows, ReferenceLayout layout, List<ReferenceProblem> problems)
    {
        var seen = new Dictionary<string, ReferenceRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (seen.TryGetValue(row.Key, out var first))
                problems.Add(new ReferenceProblem(row.File, row.Row, layout.Columns[0].Key, $"'{row.Key}' is already in {first.File} row {first.Row}"));
            else
                seen.Add(row.Key, row);
        }

        return [.. seen.Values];
    }

    /// <summary>A code tree (units or subjects): what is stored, with the imported rows laid over it.</summary>
    private sealed class Tree(string noun, Dictionary<string, string?> parents, IReadOnlySet<string> badKeys)
    {
        private readonly List<(ReferenceRow Row, string? Parent)> _rows = [];

        public void Overlay(IEnumerable<(ReferenceRow Row, string? Parent)> rows)
        {
            foreach (var (row, parent) in rows)
            {
                parents[row.Key] = parent;
                _rows.Add((row, parent));
            }
        }

        public void CheckExists(ReferenceRow row, string column, string code, List<ReferenceProblem> problems)
        {
            if (!parents.ContainsKey(code) && !badKeys.Contains(code))
                problems.Add(new ReferenceProblem(row.File, row.Row, column, $"no {noun} '{code}' in the files or the database"));
        }

        public void CheckParents(List<ReferenceProblem> problems)
        {
            foreach (var (row, parent) in _rows.Where(r => r.Parent is not null))
            {
                var before = problems.Count;
                CheckExists(row, "parentCode", parent!, problems);
                if (problems.Count == before && LoopFrom(row.Key) is { } loop)
                    problems.Add(new ReferenceProblem(row.File, row.Row, "parentCode", $"the {noun} tree would have a loop: {string.Join(" → ", loop)}"));
            }
        }

        private List<string>? LoopFrom(string code)
        {
            var path = new List<string> { code };
            var current = code;
            while (parents.TryGetValue(current, out var parent) && parent is not null)
            {
                path.Add(parent);
                if (parent == code)
                    return path;
                if (path.Count > parents.Count + 1 || path.IndexOf(parent) < path.Count - 1)
                    return null; // a loop above this row, reported at its own rows
                current = parent;
            }

            return null;
        }
    }
}
