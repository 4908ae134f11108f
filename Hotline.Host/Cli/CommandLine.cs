namespace Hotline.Host.Cli;

/// <summary>Command-line verbs of the host (<c>dotnet Hotline.Host.dll VERB ...</c>); with no verb the host serves HTTP.</summary>
internal static class CommandLine
{
    /// <summary>Runs a verb if the arguments name one; returns its exit code, or null to start the web host.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
            return null;
        switch (args[0])
        {
            case "workflows" when args.Length > 1 && args[1] == "run":
                return await WorkflowsRunCommand.RunAsync(args[2..], stdout, stderr, cancellationToken);
            case "workflows":
                await stderr.WriteLineAsync(WorkflowsRunCommand.Usage);
                return 2;
            case "definitions" when args.Length > 1 && args[1] == "layout":
                return await DefinitionsLayoutCommand.RunAsync(args[2..], stdout, stderr, cancellationToken);
            case "definitions":
                await stderr.WriteLineAsync(DefinitionsLayoutCommand.Usage);
                return 2;
            case "calendar": return await CalendarCommand.RunAsync(args[1..], stdout, stderr, cancellationToken);
            case "reference": return await ReferenceCommand.RunAsync(args[1..], stdout, stderr, cancellationToken);
            case "demo": return await Hotline.Host.Demo.DemoCommand.RunAsync(args[1..], stdout, stderr, cancellationToken);
            default:
                // ASP.NET Core options such as "urls=..." are not verbs.
                if (args[0].Contains('=', StringComparison.Ordinal))
                    return null;
                await stderr.WriteLineAsync($"unknown command '{args[0]}'. Commands: workflows run, definitions layout, calendar, reference import, demo seed");
                return 2;
        }
    }
}
