using System.ComponentModel;
using System.Text.Json.Nodes;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Activities.Flow;

/// <summary>
/// A flowchart: activities joined by connections between named ports, run with Elsa 3.8's token flow. A completing
/// activity emits a token on each connection of its active outcomes; a target runs according to its merge mode
/// (Stream by default, Merge, Converge, Cascade, Race; Elsa.FlowJoin maps WaitAny to Race and WaitAll to Merge).
/// </summary>
[Activity("Elsa", "Flow", "A flowchart is a collection of activities and connections between them.")]
[Browsable(false)]
public sealed class Flowchart : Activity, ICompilableActivity, IContainerActivity
{
    private readonly Dictionary<string, ActivityNode> _byId = new(StringComparer.Ordinal);

    /// <summary>The compiled connections.</summary>
    public FlowGraph Graph { get; private set; } = null!;

    /// <summary>The activity the flowchart starts with.</summary>
    public ActivityNode? StartNode { get; private set; }

    /// <inheritdoc />
    public void Compile(WorkflowCompiler compiler, ActivityNode node)
    {
        Containers.ContainerVariables.Declare(node);
        var activities = node.Json["activities"] as JsonArray ?? [];
        for (var i = 0; i < activities.Count; i++)
        {
            if (activities[i] is not JsonObject json)
                continue;
            var child = compiler.CompileChild(json, node, $"{PathOf(node)}.activities[{i}]");
            if (child is null)
                continue;
            node.Children.Add(child);
            _byId[child.Id] = child;
        }

        var connections = new List<Connection>();
        foreach (var (i, sourceId, sourcePort, targetId, targetPort, _) in ConnectionShapes.Read(node.Json["connections"]))
        {
            var source = sourceId is null ? null : _byId.GetValueOrDefault(sourceId);
            var target = targetId is null ? null : _byId.GetValueOrDefault(targetId);
            if (source is null || target is null)
            {
                var missing = source is null ? sourceId : targetId;
                compiler.Error(node, $"Connection {i} ({sourceId} → {targetId}, path {PathOf(node)}.connections[{i}]) refers to activity '{missing}', which is not in the flowchart.");
                continue;
            }

            connections.Add(new Connection(source, sourcePort ?? "Done", target, targetPort ?? "In"));
        }

        StartNode = FindStart(node, connections);
        Graph = new FlowGraph(connections, StartNode);
    }

    /// <inheritdoc />
    public override ValueTask ExecuteAsync(ActivityExecutionContext context)
    {
        Containers.ContainerVariables.Open(context);
        context.State = new List<Token>();
        if (StartNode is null)
            context.Complete();
        else
            context.ScheduleChild(StartNode);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public override ValueTask OnChildCompletedAsync(ActivityExecutionContext context, ActivityExecutionContext child, Outcomes outcomes)
    {
        var tokens = Tokens(context);
        var completed = child.Node;
        if (completed.Descriptor.IsTerminal)
        {
            tokens.Clear();
            context.Complete();
            return ValueTask.CompletedTask;
        }

        EmitTokens(tokens, completed, outcomes);
        var outbound = Graph.Outbound(completed);
        for (var i = 0; i < outbound.Count; i++)
            if (outcomes.Contains(outbound[i].SourcePort))
                Flow(context, tokens, outbound[i], child);

        if (!HasPendingWork(context, tokens))
        {
            tokens.Clear();
            context.Complete();
        }

        RemoveConsumedInto(tokens, completed.Id);
        return ValueTask.CompletedTask;
    }

    /// <summary>Adds a token for each connection of an active outcome of <paramref name="completed"/> (the graph holds each distinct connection once) and consumes the tokens that led to it.</summary>
    private void EmitTokens(List<Token> tokens, ActivityNode completed, Outcomes outcomes)
    {
        var outbound = Graph.Outbound(completed);
        for (var i = 0; i < outbound.Count; i++)
            if (outcomes.Contains(outbound[i].SourcePort))
                tokens.Add(new Token(outbound[i].Source.Id, outbound[i].Target.Id, outbound[i].SourcePort));
        foreach (var token in tokens)
            if (token.ToId == completed.Id && token is { Consumed: false, Blocked: false })
                token.Consumed = true;
    }

    /// <summary>Follows one active connection: schedules its target if the target's merge mode lets it run now.</summary>
    private void Flow(ActivityExecutionContext context, List<Token> tokens, Connection connection, ActivityExecutionContext child)
    {
        var target = connection.Target;
        switch (MergeModeOf(context, target))
        {
            case MergeMode.Cascade:
                ScheduleFirstArrival(context, tokens, connection, child);
                break;
            case MergeMode.Race:
                CancelInboundAncestors(context, target);
                ScheduleFirstArrival(context, tokens, connection, child);
                break;
            case MergeMode.Merge:
                ScheduleWhenAllArrived(context, tokens, target, Graph.ForwardInbound(target), child.Id);
                break;
            case MergeMode.Converge:
                ScheduleWhenAllArrived(context, tokens, target, Graph.Inbound(target), child.Id);
                break;
            default:
                var upstreamPending = false;
                var forwardInbound = Graph.ForwardInbound(target);
                for (var i = 0; i < forwardInbound.Count; i++)
                    upstreamPending |= HasLiveTokenInto(tokens, forwardInbound[i].Source.Id);
                if (!upstreamPending)
                    context.ScheduleChild(target, child.Id);
                break;
        }
    }

    /// <summary>
    /// Cascade and Race: the first token to arrive schedules the target and blocks the other inbound connections; a
    /// later token on a blocked connection is absorbed.
    /// </summary>
    private void ScheduleFirstArrival(ActivityExecutionContext context, List<Token> tokens, Connection connection, ActivityExecutionContext child)
    {
        var target = connection.Target;
        var blocked = tokens.FirstOrDefault(t => t.ToId == target.Id && t.FromId == connection.Source.Id && t.Outcome == connection.SourcePort && t.Blocked);
        if (blocked is not null)
        {
            blocked.Consumed = true;
            return;
        }

        context.ScheduleChild(target, child.Id);
        foreach (var inbound in Graph.ForwardInbound(target))
            if (inbound.Source != child.Node)
                tokens.Add(new Token(inbound.Source.Id, inbound.Target.Id, inbound.SourcePort) { Blocked = true });
    }

    /// <inheritdoc />
    public override void OnChildCancelled(ActivityExecutionContext context, ActivityExecutionContext child)
    {
        var tokens = Tokens(context);
        tokens.RemoveAll(t => t.FromId == child.Node.Id || t.ToId == child.Node.Id);
        if (!HasPendingWork(context, tokens))
            context.Complete();
    }

    /// <inheritdoc />
    public override JsonNode? SaveState(object? state) =>
        state is List<Token> tokens ? new JsonArray(tokens.Select(t => (JsonNode?)t.ToJson()).ToArray()) : null;

    /// <inheritdoc />
    public override object? LoadState(JsonNode? json) =>
        (json as JsonArray ?? []).Select(t => Token.FromJson((JsonObject)t!)).ToList();

    private static void ScheduleWhenAllArrived(ActivityExecutionContext context, List<Token> tokens, ActivityNode target, IReadOnlyList<Connection> inbound, string schedulingId)
    {
        if (inbound.Count > 1)
        {
            for (var i = 0; i < inbound.Count; i++)
                if (!HasLiveToken(tokens, inbound[i]))
                    return;
        }

        context.ScheduleChild(target, schedulingId);
    }

    private void CancelInboundAncestors(ActivityExecutionContext context, ActivityNode target)
    {
        var ancestors = Graph.Ancestors(target);
        foreach (var child in context.Children.ToList())
            if (ancestors.Contains(child.Node.Id))
                context.CancelChild(child);
    }

    private static bool HasPendingWork(ActivityExecutionContext context, List<Token> tokens)
    {
        foreach (var child in context.Children)
            if (!child.IsFinalized)
                return true;
        foreach (var token in tokens)
            if (token is { Consumed: false, Blocked: false })
                return true;
        return false;
    }

    // Loops rather than List.Exists/RemoveAll with lambdas: these run for every completed activity, and each lambda
    // capturing a local allocated a closure and a delegate.
    private static bool HasLiveTokenInto(List<Token> tokens, string toId)
    {
        foreach (var token in tokens)
            if (token is { Consumed: false, Blocked: false } && token.ToId == toId)
                return true;
        return false;
    }

    private static bool HasLiveToken(List<Token> tokens, Connection connection)
    {
        foreach (var token in tokens)
            if (token is { Consumed: false, Blocked: false } && token.FromId == connection.Source.Id && token.ToId == connection.Target.Id && token.Outcome == connection.SourcePort)
                return true;
        return false;
    }

    private static void RemoveConsumedInto(List<Token> tokens, string toId)
    {
        var kept = 0;
        for (var i = 0; i < tokens.Count; i++)
            if (!(tokens[i].Consumed && tokens[i].ToId == toId))
                tokens[kept++] = tokens[i];
        tokens.RemoveRange(kept, tokens.Count - kept);
    }

    private static MergeMode MergeModeOf(ActivityExecutionContext context, ActivityNode target)
    {
        // A join without a mode is WaitAny, as Elsa's FlowJoin defaults it.
        if (target.Activity is FlowJoin join)
            return (join.Mode is null ? FlowJoinMode.WaitAny : context.Get(join.Mode)) == FlowJoinMode.WaitAny ? MergeMode.Race : MergeMode.Merge;
        return target.MergeMode is { } text && Enum.TryParse<MergeMode>(text, ignoreCase: true, out var mode) && mode != MergeMode.None ? mode : MergeMode.Stream;
    }

    private static ActivityNode? FindStart(ActivityNode node, List<Connection> connections)
    {
        // Elsa 3.8's flowchart reader ignores an older export's "start" property, so the start is found as Elsa finds it.
        return node.Children.FirstOrDefault(c => c.Descriptor.IsStart)
            ?? node.Children.FirstOrDefault(c => c.CanStartWorkflow)
            ?? node.Children.FirstOrDefault(c => connections.TrueForAll(x => x.Target != c))
            ?? node.Children.FirstOrDefault();
    }

    private static string PathOf(ActivityNode node) => node.Parent is null ? "$.root" : $"activity '{node.Id}'";

    private static List<Token> Tokens(ActivityExecutionContext context) => context.State as List<Token> ?? (List<Token>)(context.State = new List<Token>());

    /// <summary>A token travelling along a connection.</summary>
    public sealed class Token(string fromId, string toId, string? outcome)
    {
        public string FromId { get; } = fromId;
        public string ToId { get; } = toId;
        public string? Outcome { get; } = outcome;
        public bool Consumed { get; set; }
        public bool Blocked { get; set; }

        internal JsonObject ToJson() => new() { ["from"] = FromId, ["to"] = ToId, ["outcome"] = Outcome, ["consumed"] = Consumed, ["blocked"] = Blocked };

        internal static Token FromJson(JsonObject json) => new(json["from"]!.GetValue<string>(), json["to"]!.GetValue<string>(), json["outcome"]?.GetValue<string>())
        {
            Consumed = json["consumed"]?.GetValue<bool>() ?? false,
            Blocked = json["blocked"]?.GetValue<bool>() ?? false,
        };
    }
}

/// <summary>How a flowchart activity with several inbound connections waits for them (Elsa 3.8's MergeMode).</summary>
public enum MergeMode
{
    None,
    Stream,
    Merge,
    Converge,
    Cascade,
    Race,
}
