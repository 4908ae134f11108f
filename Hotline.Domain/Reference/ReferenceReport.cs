namespace Hotline.Domain.Reference;

/// <summary>What an import found for one kind: rows read, and how many are (or in a dry run would be) added, updated or left as they were.</summary>
public sealed record ReferenceKindReport(ReferenceKind Kind, int Rows, int Added, int Updated, int Unchanged);

/// <summary>
/// The answer of an import: per kind, and every problem found. <see cref="Applied"/> is true only when nothing was
/// wrong and it was not a dry run; otherwise the database is as it was.
/// </summary>
public sealed record ReferenceReport(bool DryRun, bool Applied, IReadOnlyList<ReferenceKindReport> Kinds, IReadOnlyList<ReferenceProblem> Problems)
{
    /// <summary>Whether a file itself was wrong (name, type, contents, headers), not only some of its rows.</summary>
    public bool HasFileProblems => Problems.Any(p => p.IsFileProblem);
}

/// <summary>How an import treats rows whose key is already in the database.</summary>
public enum ReferenceImportMode
{
    /// <summary>Insert new rows, update existing ones (an administrator's load).</summary>
    Upsert,

    /// <summary>Insert new rows only; existing ones are left as they are, edits included (the demo seed).</summary>
    AddMissing,
}
