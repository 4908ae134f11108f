namespace Hotline.Workflows.CSharp;

/// <summary>
/// What one C# evaluation may use. Unlike JavaScript, C# runs as compiled .NET code inside the host: only its wall-clock
/// time is watched, and a script past it faults its activity while its thread may go on running (.NET cannot stop a
/// thread). Memory, CPU and what the script touches (files, network, the process) are not limited.
/// </summary>
public sealed record CSharpLimits
{
    /// <summary>The limits when nothing else is configured.</summary>
    public static readonly CSharpLimits Default = new();

    /// <summary>Wall-clock time one evaluation may take (compiling a new script is not counted).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many compiled scripts are kept; past it the cache is emptied and scripts compile again.</summary>
    public int MaxCachedScripts { get; init; } = 1024;
}
