using Hotline.Domain.Administration;
using Hotline.Domain.Audit;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Domain.Reference;

/// <summary>
/// Loads units, subjects, routing rules and knowledge answers from files, all or nothing: every file is read and
/// checked (<see cref="ReferenceReader"/>, <see cref="ReferenceValidator"/>) before anything is written, and the
/// changes are saved in one <c>SaveChanges</c>, one transaction. Rows are inserted or updated by their key (code or
/// id); nothing is deleted (deactivate a unit or an answer instead, so old cases keep their references). A dry run,
/// or any problem, leaves the database as it was and still counts what would be added and updated.
/// </summary>
public sealed class ReferenceImporter(HotlineDbContext db, TimeProvider clock)
{
    /// <summary>The largest upload, all files together (the API's and the import screen's limit).</summary>
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>
    /// Reads, checks and (unless <paramref name="dryRun"/> or a problem) applies <paramref name="files"/>. An applied import
    /// is written to the audit log with the same save, naming <paramref name="actor"/>, the files and what each changed.
    /// </summary>
    public async Task<ReferenceReport> ImportAsync(IReadOnlyList<ReferenceFile> files, bool dryRun, ReferenceImportMode mode = ReferenceImportMode.Upsert,
        string actor = "system", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        var contents = new List<ReferenceFileContent>();
        foreach (var file in files)
            contents.Add(await ReferenceReader.ReadAsync(file, cancellationToken));
        var problems = contents.SelectMany(c => c.Problems).ToList();
        await ReferenceValidator.CheckAsync(db, contents, problems, cancellationToken);

        db.ChangeTracker.Clear();
        var kinds = new List<ReferenceKindReport>();
        foreach (var kind in Enum.GetValues<ReferenceKind>().Where(k => contents.Any(c => c.Kind == k)))
        {
            // Duplicates were reported by the validator; the first row of a key counts.
            var rows = ReferenceValidator.Unique(contents.Where(c => c.Kind == kind).SelectMany(c => c.Rows), ReferenceLayout.For(kind), []);
            kinds.Add(await StageAsync(kind, rows, mode, cancellationToken));
        }

        var apply = !dryRun && problems.Count == 0;
        if (apply)
        {
            new AuditLog(db, clock).Record(actor, AuditActions.ReferenceImported, AuditEntityTypes.ReferenceData, FileNames(files), null,
                kinds.Select(k => new { kind = k.Kind.ToString(), k.Rows, k.Added, k.Updated, k.Unchanged }).ToList());
            await db.SaveChangesAsync(cancellationToken);
        }
        db.ChangeTracker.Clear();
        return new ReferenceReport(dryRun, apply, kinds, [.. problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Row)]);
    }

    /// <summary>The files' names (without their folders) as the audit entry's id, within its 100 characters.</summary>
    private static string FileNames(IReadOnlyList<ReferenceFile> files)
    {
        var names = string.Join(", ", files.Select(f => Path.GetFileName(f.Name)));
        return names.Length <= 100 ? names : names[..99] + "…";
    }

    /// <summary>Adds the new rows of a kind to the context and copies the changed ones onto the stored entities.</summary>
    private async Task<ReferenceKindReport> StageAsync(ReferenceKind kind, List<ReferenceRow> rows, ReferenceImportMode mode, CancellationToken cancellationToken)
    {
        var layout = ReferenceLayout.For(kind);
        var stored = (await LoadAsync(kind, cancellationToken)).ToDictionary(layout.KeyOf, StringComparer.Ordinal);
        int added = 0, updated = 0, unchanged = 0;
        foreach (var row in rows)
        {
            var existing = stored.GetValueOrDefault(row.Key);
            if (row.Entity is KnowledgeArticle { UpdatedAt.Year: 1 } article)
                article.UpdatedAt = (existing as KnowledgeArticle)?.UpdatedAt ?? clock.GetUtcNow();
            if (existing is null)
            {
                db.Add(row.Entity);
                added++;
                continue;
            }

            if (mode == ReferenceImportMode.AddMissing)
            {
                unchanged++;
                continue;
            }

            var entry = db.Entry(existing);
            // A row carries no version: the stored one is kept, and raised when the row changes anything.
            ((IVersioned)row.Entity).Version = ((IVersioned)existing).Version;
            entry.CurrentValues.SetValues(row.Entity);
            entry.DetectChanges();
            if (entry.State == EntityState.Modified)
            {
                ((IVersioned)existing).Version++;
                updated++;
            }
            else
                unchanged++;
        }

        return new ReferenceKindReport(kind, rows.Count, added, updated, unchanged);
    }

    private async Task<IEnumerable<object>> LoadAsync(ReferenceKind kind, CancellationToken cancellationToken) => kind switch
    {
        ReferenceKind.Units => await db.HandlingUnits.ToListAsync(cancellationToken),
        ReferenceKind.Subjects => await db.Subjects.ToListAsync(cancellationToken),
        ReferenceKind.Routing => await db.RoutingRules.ToListAsync(cancellationToken),
        ReferenceKind.Knowledge => await db.KnowledgeArticles.ToListAsync(cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
