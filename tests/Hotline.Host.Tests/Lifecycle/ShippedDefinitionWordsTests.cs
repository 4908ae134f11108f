using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Lifecycle;

/// <summary>
/// The shipped definitions (<c>definitions/</c>) read in Chinese for the administrator who opens them in the designer:
/// every node's name, the definition's description and its inputs' and outputs' labels; node names are unique in
/// their flowchart, and the node ids that running instances and tests refer to are kept. Only the keys stay English
/// (definition and input names, types, ids): the definition's name is the activity type other definitions use.
/// </summary>
public sealed class ShippedDefinitionWordsTests
{
    /// <summary>The node ids each shipped definition had when its nodes were named in Chinese; new nodes may be added.</summary>
    private static readonly Dictionary<string, string[]> KeptIds = new(StringComparer.Ordinal)
    {
        ["accept"] = ["start", "register", "output-case", "output-number", "duplicates", "direct", "answer", "answered", "work-order"],
        ["callback"] = ["start", "call", "set-satisfied", "set-basically", "set-unsatisfied", "output-satisfaction", "output-resolved", "resolved",
            "count", "again", "wait", "satisfied", "unsatisfied", "unreachable", "sample-second", "second-call", "second-resolved"],
        ["case-lifecycle"] = ["start", "accept", "deadlines", "deadline", "dispatch", "fork", "handle", "review-return", "redispatch", "reply",
            "escalation", "join", "callback", "rehandle", "reopen", "next-round", "redeadline", "close", "close-unreachable", "closed", "answered",
            "case-fork", "operation", "operation-switch", "void", "voided", "merge", "merged", "reclassify", "reclassify-deadline", "reroute",
            "mark-complex", "complex-deadline", "restart-supervision", "sample-case", "quality-check", "quality-reopen"],
        ["category-deadlines"] = ["start", "switch", "emergency-limit", "consultation-limit", "help-limit", "complaint-limit", "report-limit",
            "suggestion-limit", "praise-limit", "default-limit", "complex-limit"],
        ["dispatch"] = ["start", "route", "desk", "assign", "output-lead", "dispatched"],
        ["escalate"] = ["start", "record", "notify", "end"],
        ["escalation-13710"] = ["start", "wait-yellow", "yellow", "wait-red", "red", "notify-dispatcher", "wait-level1", "level1", "wait-level2",
            "level2", "wait-1d", "checkpoint-1d", "wait-3d", "checkpoint-3d", "wait-7d", "checkpoint-7d", "is-complex", "wait-1m", "checkpoint-1m",
            "level3", "no-deadline", "wait-tracking", "tracking", "ladder-fork", "changed", "restart", "report-due", "report-fork", "request-report",
            "report-race", "was-reported", "report-missed", "review-fork", "review", "closed"],
        ["handle"] = ["start", "fork", "set-unit", "task", "review-extension", "extend", "tell-citizen", "sub-dispatch", "output-answer",
            "output-unit", "assist", "join", "completed", "returned", "reassign"],
        ["recompute-deadline"] = ["start", "read", "rule", "compute", "out-limit", "out-unit", "out-rule", "out-complex"],
        ["reply"] = ["start", "review", "reply", "replied", "sent-back"],
    };

    public static TheoryData<string> Definitions() =>
        [.. Directory.EnumerateFiles(SharedFiles.RepositoryPath("definitions"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Should_read_in_Chinese_When_a_shipped_definition_is_opened(string definitionId)
    {
        var definition = Read(definitionId);
        var texts = new List<(string Where, string? Text)> { ("description", definition["description"]?.GetValue<string>()) };
        foreach (var kind in new[] { "inputs", "outputs" })
        {
            foreach (var io in (definition[kind] as JsonArray ?? []).Select(i => i!.AsObject()))
            {
                var name = io["name"]!.GetValue<string>();
                texts.Add(($"{kind} {name} displayName", io["displayName"]?.GetValue<string>()));
                if (io["description"]?.GetValue<string>() is { Length: > 0 } description)
                    texts.Add(($"{kind} {name} description", description));
            }
        }

        // The root flowchart is the canvas itself, not a node: its name is never shown.
        texts.AddRange(Nodes(definition["root"]!.AsObject()).Select(n => ($"node {n["id"]} name", n["name"]?.GetValue<string>())));

        Assert.Empty(texts.Where(t => t.Text is null || !t.Text.Any(IsChinese)).Select(t => $"{t.Where}: {t.Text ?? "(none)"}"));
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Should_name_every_node_once_and_keep_its_id_When_a_shipped_definition_is_opened(string definitionId)
    {
        var root = Read(definitionId)["root"]!.AsObject();
        var nodes = Nodes(root).ToList();

        var ids = nodes.Select(n => n["id"]!.GetValue<string>()).ToList();
        Assert.Empty(ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Flowcharts(root).SelectMany(f => (f["activities"] as JsonArray ?? []).Select(a => a!["name"]?.GetValue<string>())
            .GroupBy(name => name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{f["id"]}: {g.Key}")));
        Assert.True(KeptIds.ContainsKey(definitionId), $"{definitionId} is new: add its node ids to {nameof(KeptIds)}.");
        Assert.Empty(KeptIds[definitionId].Except(ids, StringComparer.Ordinal));
    }

    private static JsonObject Read(string definitionId) =>
        JsonNode.Parse(File.ReadAllText(LifecycleHost.DefinitionPath(definitionId)))!.AsObject();

    /// <summary>The nodes under a container, nested ones included.</summary>
    private static IEnumerable<JsonObject> Nodes(JsonObject container) =>
        (container["activities"] as JsonArray ?? []).Select(a => a!.AsObject()).SelectMany(a => Nodes(a).Prepend(a));

    private static IEnumerable<JsonObject> Flowcharts(JsonObject container) =>
        Nodes(container).Where(n => n["activities"] is JsonArray).Prepend(container);

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';
}
