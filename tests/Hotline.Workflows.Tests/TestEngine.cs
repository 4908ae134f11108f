using Hotline.Workflows.Activities;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Tests;

/// <summary>A runtime on memory stores with a fake clock and collected output.</summary>
public sealed class TestEngine
{
    public TestEngine(DateTimeOffset? now = null, Hotline.Workflows.Expressions.JavaScriptLimits? javaScript = null, Hotline.Workflows.Http.IHttpRequestSender? http = null)
    {
        Clock = new FakeClock(now ?? new DateTimeOffset(2026, 2, 13, 9, 0, 0, TimeSpan.FromHours(8)));
        Runtime = new WorkflowRuntime(ActivityRegistry.CreateDefault(), Definitions, Instances, new EngineServices
        {
            Clock = Clock,
            TextOutput = Output,
            JavaScript = javaScript ?? Hotline.Workflows.Expressions.JavaScriptLimits.Default,
            HttpRequests = http ?? Hotline.Workflows.Http.GuardedHttpRequestSender.Default,
        });
    }

    public FakeClock Clock { get; }
    public CollectingTextOutput Output { get; } = new();
    public MemoryWorkflowDefinitionStore Definitions { get; } = new();
    public MemoryWorkflowInstanceStore Instances { get; } = new();

    /// <summary>The human tasks saved so far (the memory store keeps them with its commits).</summary>
    public IReadOnlyList<TaskRequest> Tasks => Instances.Tasks;
    public WorkflowRuntime Runtime { get; }

    public static string SharedPath(params string[] parts) =>
        Path.Combine([FolderAbove(dir => Directory.Exists(Path.Combine(dir, "shared")), "../shared"), "shared", .. parts]);

    /// <summary>A path in the repository checkout: the folder above the test directory that holds Hotline.sln.</summary>
    public static string RepositoryPath(params string[] parts) =>
        Path.Combine([FolderAbove(dir => File.Exists(Path.Combine(dir, "Hotline.sln")), "Hotline.sln"), .. parts]);

    private static string FolderAbove(Func<string, bool> holds, string what)
    {
        var dir = AppContext.BaseDirectory;
        while (dir is not null && !holds(dir))
            dir = Path.GetDirectoryName(dir);
        return dir ?? throw new DirectoryNotFoundException($"{what} not found above the test directory");
    }
}

/// <summary>A clock that moves only when told.</summary>
public sealed class FakeClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public override DateTimeOffset GetUtcNow() => _now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public void Advance(TimeSpan by) => _now += by;
}
