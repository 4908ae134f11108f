using Hotline.Workflows.Layout;

namespace Hotline.Host.Cli;

/// <summary>
/// <c>definitions layout [--check] [FILE...]</c>: lays out the flowcharts of definition files top to bottom
/// (<see cref="DefinitionLayout"/>) and rewrites only their nodes' positions and sizes; with no file, every
/// <c>definitions/*.json</c> under the current directory. <c>--check</c> writes nothing and exits 1 if a file is not laid
/// out. Prints one line per file: <c>laid out</c>, <c>unchanged</c> or (with --check) <c>not laid out</c>.
/// </summary>
internal static class DefinitionsLayoutCommand
{
    public const string Usage = "usage: definitions layout [--check] [FILE...]   (default: definitions/*.json)";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var check = args.Contains("--check");
        var files = args.Where(a => a != "--check").ToList();
        if (files.Exists(f => f.StartsWith('-')))
        {
            await stderr.WriteLineAsync(Usage);
            return 2;
        }

        if (files.Count == 0)
        {
            if (!Directory.Exists("definitions"))
            {
                await stderr.WriteLineAsync("error: no definitions/ folder in the current directory; name the files");
                return 2;
            }

            files = [.. Directory.GetFiles("definitions", "*.json").Order(StringComparer.Ordinal)];
        }

        foreach (var file in files.Where(f => !File.Exists(f)))
        {
            await stderr.WriteLineAsync($"error: file not found: {file}");
            return 2;
        }

        var stale = false;
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            var laidOut = DefinitionLayout.Apply(text);
            if (laidOut == text)
            {
                await stdout.WriteLineAsync($"unchanged: {file}");
                continue;
            }

            stale = true;
            if (check)
            {
                await stdout.WriteLineAsync($"not laid out: {file}");
                continue;
            }

            await File.WriteAllTextAsync(file, laidOut, cancellationToken);
            await stdout.WriteLineAsync($"laid out: {file}");
        }

        return check && stale ? 1 : 0;
    }
}
