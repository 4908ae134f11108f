using Hotline.Domain.Persistence;
using Hotline.Domain.Reference;

namespace Hotline.Host.Demo;

/// <summary>
/// Loads the demo city's shipped files (<see cref="DemoCity.Files"/>) through the reference importer. Idempotent:
/// only missing rows are added (<see cref="ReferenceImportMode.AddMissing"/>), so running it again adds nothing and
/// leaves rows an administrator has edited since as they are.
/// </summary>
public static class DemoSeeder
{
    /// <summary>Adds the demo rows that are missing; throws if the shipped files do not load.</summary>
    public static async Task<ReferenceReport> SeedAsync(HotlineDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var streams = DemoCity.Files.Select(File.OpenRead).ToList();
        try
        {
            var files = DemoCity.Files.Zip(streams, (path, stream) => new ReferenceFile(path, stream)).ToList();
            var report = await new ReferenceImporter(db, clock).ImportAsync(files, dryRun: false, ReferenceImportMode.AddMissing, "demo seed", cancellationToken);
            if (report.Problems.Count > 0)
                throw new InvalidOperationException($"The demo city does not load: {report.Problems[0].Key}: {report.Problems[0].Reason}");
            return report;
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }
}
