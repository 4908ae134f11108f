using System.Text.Json.Nodes;
using Hotline.Workflows.Tests.Flow;

namespace Hotline.Workflows.Tests.Activities;

/// <summary>JSON of Elsa's containers and loops as Elsa Studio stores them, for tests.</summary>
public static class ContainerJson
{
    public static JsonObject WriteLine(string id, string text) => FlowchartBuilder.Activity(id, "Elsa.WriteLine", a => a.Literal("text", text));

    public static JsonObject WriteLineJs(string id, string script) => FlowchartBuilder.Activity(id, "Elsa.WriteLine", a => a.JavaScript("text", script, "String"));

    public static JsonObject SetVariable(string id, string variable, string script) => FlowchartBuilder.Activity(id, "Elsa.SetVariable", a => a
        .Set("variable", FlowchartBuilder.VariableReference(variable)).JavaScript("value", script));

    public static JsonObject Sequence(string id, params JsonObject[] activities) => FlowchartBuilder.Activity(id, "Elsa.Sequence", a => a
        .Set("activities", new JsonArray([.. activities])));

    public static JsonObject Parallel(string id, params JsonObject[] activities) => FlowchartBuilder.Activity(id, "Elsa.Parallel", a => a
        .Set("activities", new JsonArray([.. activities])));

    public static JsonObject If(string id, string condition, JsonObject? then, JsonObject? @else = null) => FlowchartBuilder.Activity(id, "Elsa.If", a => a
        .JavaScript("condition", condition, "Boolean").Set("then", then).Set("else", @else));

    public static JsonObject ForEach(string id, string items, JsonObject? body, string type = "Elsa.ForEach") => FlowchartBuilder.Activity(id, type, a => a
        .JavaScript("items", items).Set("body", body));

    public static JsonObject For(string id, int start, int end, int step, JsonObject? body, bool inclusive = true) => FlowchartBuilder.Activity(id, "Elsa.For", a => a
        .Literal("start", $"{start}", "Int32").Literal("end", $"{end}", "Int32").Literal("step", $"{step}", "Int32")
        .Literal("outerBoundInclusive", inclusive ? "true" : "false", "Boolean").Set("body", body));

    public static JsonObject While(string id, string condition, JsonObject? body) => FlowchartBuilder.Activity(id, "Elsa.While", a => a
        .JavaScript("condition", condition, "Boolean").Set("body", body));

    public static JsonObject Break(string id) => FlowchartBuilder.Activity(id, "Elsa.Break");

    public static JsonObject Event(string id, string name) => FlowchartBuilder.Activity(id, "Elsa.Event", a => a.Literal("eventName", name));

    /// <summary>A switch case as Elsa's switch editor stores it.</summary>
    public static JsonObject Case(string label, string condition, JsonObject? activity) => new()
    {
        ["label"] = label,
        ["condition"] = new JsonObject { ["type"] = "JavaScript", ["value"] = condition },
        ["activity"] = activity,
    };

    public static JsonObject Switch(string id, string mode, JsonObject? @default, params JsonObject[] cases) => FlowchartBuilder.Activity(id, "Elsa.Switch", a => a
        .Literal("mode", mode, "Elsa.Workflows.Activities.SwitchMode, Elsa.Workflows.Core").Set("default", @default).Set("cases", new JsonArray([.. cases])));

    /// <summary>A variable as a container declares it.</summary>
    public static JsonObject Variable(string name, string typeName, string? value) => new()
    {
        ["id"] = FlowchartBuilder.VariableId(name),
        ["name"] = name,
        ["typeName"] = typeName,
        ["value"] = value,
    };

    /// <summary>A workflow whose flowchart holds the one activity.</summary>
    public static FlowchartBuilder Workflow(JsonObject activity) => new FlowchartBuilder().Add(activity);
}
