using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Demo;

/// <summary>How many rows of each kind the demo data has, and how many a run added.</summary>
public sealed record DemoSeedResult(int Units, int UnitsAdded, int Subjects, int SubjectsAdded, int Rules, int RulesAdded, int Articles, int ArticlesAdded);

/// <summary>
/// Loads <see cref="DemoData"/> into the database. Idempotent: rows are matched by key and only missing ones are added,
/// so running it again adds nothing and leaves rows an administrator has edited since as they are.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Adds the rows of <paramref name="data"/> that are missing.</summary>
    public static async Task<DemoSeedResult> SeedAsync(HotlineDbContext db, DemoData data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(data);

        // Parents before children: the tree's foreign keys point upwards.
        var unitsAdded = 0;
        foreach (var level in data.Units.GroupBy(u => u.Level).OrderBy(g => g.Key))
            unitsAdded += await AddMissingAsync(db, level.ToList(), u => u.Code, cancellationToken);
        var subjectsAdded = await AddMissingAsync(db, data.Subjects.Where(s => s.ParentCode is null).ToList(), s => s.Code, cancellationToken);
        subjectsAdded += await AddMissingAsync(db, data.Subjects.Where(s => s.ParentCode is not null).ToList(), s => s.Code, cancellationToken);
        var rulesAdded = await AddMissingAsync(db, data.Rules, r => r.Id, cancellationToken);
        var articlesAdded = await AddMissingAsync(db, data.Articles, a => a.Id, cancellationToken);
        return new DemoSeedResult(
            data.Units.Count, unitsAdded,
            data.Subjects.Count, subjectsAdded,
            data.Rules.Count, rulesAdded,
            data.Articles.Count, articlesAdded);
    }

    private static async Task<int> AddMissingAsync<T>(HotlineDbContext db, IReadOnlyList<T> rows, Func<T, string> key, CancellationToken cancellationToken)
        where T : class
    {
        var existing = (await db.Set<T>().AsNoTracking().ToListAsync(cancellationToken)).Select(key).ToHashSet(StringComparer.Ordinal);
        var missing = rows.Where(r => !existing.Contains(key(r))).ToList();
        if (missing.Count == 0)
            return 0;
        db.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return missing.Count;
    }
}
