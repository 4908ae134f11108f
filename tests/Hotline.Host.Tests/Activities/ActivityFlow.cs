using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Expressions;

namespace Hotline.Host.Tests.Activities;

/// <summary>
/// A flowchart that runs one hotline activity with literal inputs. Each output named with <see cref="Output"/> is bound to
/// a workflow output of the same name; each port named with <see cref="Ports"/> leads to a <c>SetOutput</c> that writes
/// the port's name to the workflow output <see cref="OutcomeOutput"/>, so a run's output tells which port was taken.
/// </summary>
public sealed class ActivityFlow(string activity)
{
    /// <summary>The workflow output that names the port the activity left by.</summary>
    public const string OutcomeOutput = "Outcome";

    private readonly JsonObject _node = new() { ["id"] = "act", ["type"] = "Hotline." + activity, ["version"] = 1 };
    private readonly List<string> _outputs = [];
    private readonly List<string> _ports = [];

    /// <summary>The activity type without its namespace.</summary>
    public string Activity { get; } = activity;

    /// <summary>Sets an input (by property name) to a literal: text, a number, a flag, or a list of texts.</summary>
    public ActivityFlow With(string input, object? value)
    {
        var (typeName, syntax, text) = value switch
        {
            null => ("String", "Literal", null),
            IEnumerable<string> list => ("List<String>", "Object", new JsonArray(list.Select(x => (JsonNode?)x).ToArray()).ToJsonString()),
            _ => (ValueConverter.AliasOf(value.GetType()), "Literal", ValueConverter.ToText(value)),
        };
        _node[Camel(input)] = new JsonObject { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = text } };
        return this;
    }

    /// <summary>Binds an output (by property name) to the workflow output of the same name.</summary>
    public ActivityFlow Output(string output)
    {
        _node[Camel(output)] = new JsonObject { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = output } };
        _outputs.Add(output);
        return this;
    }

    /// <summary>Follows each of these ports with a node that records it in <see cref="OutcomeOutput"/>.</summary>
    public ActivityFlow Ports(params string[] ports)
    {
        _ports.AddRange(ports);
        return this;
    }

    /// <summary>The definition, version 1, with id <paramref name="definitionId"/>.</summary>
    public WorkflowDefinition Build(string definitionId)
    {
        var activities = new JsonArray(_node.DeepClone());
        var connections = new JsonArray();
        foreach (var port in _ports)
        {
            activities.Add(new JsonObject
            {
                ["id"] = "on-" + port,
                ["type"] = "Elsa.SetOutput",
                ["version"] = 1,
                ["outputName"] = Literal(OutcomeOutput),
                ["outputValue"] = Literal(port),
            });
            connections.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["activity"] = "act", ["port"] = port },
                ["target"] = new JsonObject { ["activity"] = "on-" + port, ["port"] = "In" },
            });
        }

        var outputs = new JsonArray(_outputs.Concat(_ports.Count > 0 ? [OutcomeOutput] : [])
            .Select(name => (JsonNode?)new JsonObject { ["name"] = name, ["type"] = "Object" }).ToArray());
        var json = new JsonObject
        {
            ["id"] = definitionId + "-v1",
            ["definitionId"] = definitionId,
            ["name"] = Activity,
            ["version"] = 1,
            ["outputs"] = outputs,
            ["root"] = new JsonObject
            {
                ["id"] = "flow",
                ["type"] = "Elsa.Flowchart",
                ["version"] = 1,
                ["start"] = "act",
                ["activities"] = activities,
                ["connections"] = connections,
            },
        };
        return WorkflowDefinitionReader.Parse(json.ToJsonString());
    }

    private static JsonObject Literal(string text) =>
        new() { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = text } };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
