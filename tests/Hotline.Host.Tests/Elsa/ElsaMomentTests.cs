using System.Globalization;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// One time zone on the Studio's screens: every moment the host sends about an instance (its summary and state, its
/// bookmarks, activity contexts, journal, executions and execution state) is in the hotline's zone, Beijing, with its
/// offset, so the version history, the instance list and the viewer read the same clock.
/// </summary>
public abstract class ElsaMomentTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private LifecycleHost _host = null!;
    private HttpClient _admin = null!;

    /// <summary>Whether the host runs on PostgreSQL.</summary>
    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        _admin = await _host.Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    // Every string of the answer that reads as a moment (an ISO 8601 date and time), with where it is.
    private static IEnumerable<(string Path, string Value)> Moments(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                    foreach (var moment in Moments(value, path + "." + key))
                        yield return moment;
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var moment in Moments(a[i], $"{path}[{i}]"))
                        yield return moment;
                break;
            case JsonValue v when v.TryGetValue<string>(out var text) && text.Length >= 19 && text[4] == '-' && text[10] == 'T'
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                yield return (path, text);
                break;
        }
    }

    [Fact]
    public async Task Should_send_every_moment_with_the_beijing_offset_When_the_viewer_loads_a_waiting_case()
    {
        var waiting = await _host.StartCaseAsync("Complaint", "小区门口占道经营，影响通行");
        var id = waiting.InstanceId;
        var instance = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{id}");
        var nodeId = instance["workflowState"]!["bookmarks"]!.AsArray()[0]!["activityNodeId"]!.GetValue<string>();
        var answers = new Dictionary<string, JsonObject>
        {
            ["instance"] = instance,
            ["list"] = await ElsaStudio.PostObjectAsync(_admin, "/workflow-instances", new JsonObject { ["page"] = 0, ["pageSize"] = 10 }),
            ["journal"] = await ElsaStudio.PostObjectAsync(_admin, $"/workflow-instances/{id}/journal?skip=0&take=110", new JsonObject()),
            ["executions"] = await ElsaStudio.GetObjectAsync(_admin, $"/activity-executions/list?WorkflowInstanceId={id}"),
            ["summaries"] = await ElsaStudio.GetObjectAsync(_admin, $"/activity-execution-summaries/list?WorkflowInstanceId={id}&ActivityNodeId={Uri.EscapeDataString(nodeId)}"),
            ["state"] = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-instances/{id}/execution-state"),
        };

        var moments = answers.SelectMany(a => Moments(a.Value, a.Key)).ToList();
        // The instance's own, its bookmarks' (created, and a timer's resumeAt), its running activities' and the journal's.
        Assert.Contains(moments, m => m.Path.StartsWith("instance.workflowState.bookmarks", StringComparison.Ordinal));
        Assert.Contains(moments, m => m.Path.StartsWith("instance.workflowState.activityExecutionContexts", StringComparison.Ordinal));
        Assert.Contains(moments, m => m.Path.StartsWith("journal.items", StringComparison.Ordinal));
        Assert.Contains(moments, m => m.Path == "state.updatedAt");
        Assert.All(moments, m => Assert.True(m.Value.EndsWith("+08:00", StringComparison.Ordinal), $"{m.Path} = {m.Value}"));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteElsaMomentTests : ElsaMomentTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlElsaMomentTests : ElsaMomentTests
{
    protected override bool OnPostgreSql => true;
}
