using System.Text.Json.Nodes;
using Hotline.Workflows.Definitions;

namespace Hotline.Workflows.Tests.Flow;

/// <summary>
/// Builds Elsa 3 definition JSON in code: a definition whose root is an <c>Elsa.Flowchart</c> with activities,
/// connections <c>{source:{activity,port}, target:{activity,port}}</c>, variables, inputs, outputs and outcomes, in the
/// shape Elsa Studio saves (wrapped inputs <c>{typeName, expression:{type, value}}</c>).
/// </summary>
public sealed class FlowchartBuilder
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonArray _inputs = [];
    private readonly JsonArray _outputs = [];
    private readonly JsonArray _outcomes = [];
    private bool _usableAsActivity;

    public FlowchartBuilder(string definitionId = "test-workflow", string? name = null, int version = 1)
    {
        DefinitionId = definitionId;
        Name = name ?? definitionId;
        Version = version;
    }

    public string DefinitionId { get; }
    public string Name { get; }
    public int Version { get; }

    /// <summary>The version id (the definition's <c>id</c>).</summary>
    public string VersionId => $"{DefinitionId}-v{Version}";

    /// <summary>The type other definitions use for this one as an activity: its name without spaces.</summary>
    public string ActivityType => new(Name.Where(char.IsLetterOrDigit).ToArray());

    /// <summary>The id a variable gets: <c>var-{name}</c>.</summary>
    public static string VariableId(string name) => "var-" + name;

    /// <summary>The JSON reference to a variable, as SetVariable and Variable expressions hold it.</summary>
    public static JsonObject VariableReference(string name) => new() { ["id"] = VariableId(name), ["name"] = name };

    public FlowchartBuilder Variable(string name, string typeName, string? value = null)
    {
        _variables.Add(new JsonObject
        {
            ["id"] = VariableId(name),
            ["name"] = name,
            ["typeName"] = typeName,
            ["isArray"] = false,
            ["value"] = value,
            ["storageDriverTypeName"] = "Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core",
        });
        return this;
    }

    public FlowchartBuilder Input(string name, string type = "Object")
    {
        _inputs.Add(new JsonObject { ["type"] = type, ["name"] = name, ["displayName"] = name, ["isArray"] = false, ["uiHint"] = "singleline" });
        return this;
    }

    public FlowchartBuilder Output(string name, string type = "Object")
    {
        _outputs.Add(new JsonObject { ["type"] = type, ["name"] = name, ["displayName"] = name, ["isArray"] = false });
        return this;
    }

    public FlowchartBuilder Outcomes(params string[] outcomes)
    {
        foreach (var outcome in outcomes)
            _outcomes.Add(outcome);
        return this;
    }

    public FlowchartBuilder UsableAsActivity()
    {
        _usableAsActivity = true;
        return this;
    }

    /// <summary>Adds an activity of any type.</summary>
    public FlowchartBuilder Add(string id, string type, Action<ActivityJson>? configure = null, int version = 1)
    {
        _activities.Add(Activity(id, type, configure, version));
        return this;
    }

    /// <summary>Adds ready-made activity JSON.</summary>
    public FlowchartBuilder Add(JsonObject activity)
    {
        _activities.Add(activity);
        return this;
    }

    public FlowchartBuilder Start(string id = "start") => Add(id, "Elsa.Start");

    public FlowchartBuilder WriteLine(string id, string text) => Add(id, "Elsa.WriteLine", a => a.Literal("text", text));

    public FlowchartBuilder WriteLineJs(string id, string script) => Add(id, "Elsa.WriteLine", a => a.JavaScript("text", script, "String"));

    /// <summary>Adds an Elsa.SetVariable assigning the variable with an expression of the given syntax.</summary>
    public FlowchartBuilder SetVariable(string id, string variable, string syntax, JsonNode? value) =>
        Add(id, "Elsa.SetVariable", a => a.Set("variable", VariableReference(variable)).Expression("value", syntax, value, "Object"));

    /// <summary>Adds a Hotline.HumanTask with the given possible outcomes.</summary>
    public FlowchartBuilder HumanTask(string id, string taskName, params string[] outcomes) =>
        Add(id, "Hotline.HumanTask", a =>
        {
            a.Literal("taskName", taskName);
            if (outcomes.Length > 0)
                a.ObjectValue("possibleOutcomes", new JsonArray(outcomes.Select(o => (JsonNode?)o).ToArray()).ToJsonString(), "List<String>");
        });

    public FlowchartBuilder Event(string id, string eventName, string? resultVariable = null) =>
        Add(id, "Elsa.Event", a =>
        {
            a.Literal("eventName", eventName);
            if (resultVariable is not null)
                a.OutputTo("result", VariableId(resultVariable));
        });

    public FlowchartBuilder Delay(string id, string timeSpan) => Add(id, "Elsa.Delay", a => a.Literal("timeSpan", timeSpan, "TimeSpan"));

    /// <summary>Uses another (published, usable-as-activity) definition as an activity.</summary>
    public FlowchartBuilder UseWorkflow(string id, FlowchartBuilder child, Action<ActivityJson>? configure = null) =>
        Add(id, child.ActivityType, a =>
        {
            a.Set("workflowDefinitionId", child.DefinitionId).Set("workflowDefinitionVersionId", child.VersionId);
            configure?.Invoke(a);
        }, child.Version);

    public FlowchartBuilder Connect(string source, string target, string port = "Done", string targetPort = "In")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = source, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = target, ["port"] = targetPort },
        });
        return this;
    }

    /// <summary>Connects each activity to the next through <c>Done</c>.</summary>
    public FlowchartBuilder Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
            Connect(ids[i - 1], ids[i]);
        return this;
    }

    /// <summary>The flowchart alone, for nesting (a fork branch).</summary>
    public JsonObject BuildRoot(string id = "flowchart1") => new()
    {
        ["id"] = id,
        ["name"] = "Flowchart1",
        ["type"] = "Elsa.Flowchart",
        ["version"] = 1,
        ["customProperties"] = new JsonObject { ["notFoundConnections"] = new JsonArray() },
        ["activities"] = _activities.DeepClone(),
        ["connections"] = _connections.DeepClone(),
    };

    /// <summary>The whole definition.</summary>
    public JsonObject Build() => new()
    {
        ["id"] = VersionId,
        ["definitionId"] = DefinitionId,
        ["name"] = Name,
        ["version"] = Version,
        ["variables"] = _variables.DeepClone(),
        ["inputs"] = _inputs.DeepClone(),
        ["outputs"] = _outputs.DeepClone(),
        ["outcomes"] = _outcomes.DeepClone(),
        ["customProperties"] = new JsonObject(),
        ["isLatest"] = true,
        ["isPublished"] = true,
        ["options"] = new JsonObject { ["usableAsActivity"] = _usableAsActivity, ["autoUpdateConsumingWorkflows"] = false },
        ["root"] = BuildRoot(),
    };

    /// <summary>The definition as the loader reads it.</summary>
    public WorkflowDefinition Definition() => WorkflowDefinitionReader.Parse(Build().ToJsonString());

    /// <summary>Activity JSON on its own (fork branches, hand-made definitions).</summary>
    public static JsonObject Activity(string id, string type, Action<ActivityJson>? configure = null, int version = 1)
    {
        var json = new JsonObject
        {
            ["id"] = id,
            ["name"] = id,
            ["type"] = type,
            ["version"] = version,
            ["customProperties"] = new JsonObject { ["canStartWorkflow"] = false, ["runAsynchronously"] = false },
            ["metadata"] = new JsonObject(),
        };
        configure?.Invoke(new ActivityJson(json));
        return json;
    }
}

/// <summary>Fluent edits of one activity's JSON.</summary>
public sealed class ActivityJson
{
    internal ActivityJson(JsonObject json) => Json = json;

    public JsonObject Json { get; }

    /// <summary>A wrapped input: <c>{typeName, expression:{type, value}}</c>.</summary>
    public ActivityJson Expression(string input, string syntax, JsonNode? value, string typeName = "Object")
    {
        Json[input] = new JsonObject
        {
            ["typeName"] = typeName,
            ["expression"] = new JsonObject { ["type"] = syntax, ["value"] = value },
            ["memoryReference"] = new JsonObject { ["id"] = $"{Json["id"]}:input-{input}" },
        };
        return this;
    }

    public ActivityJson Literal(string input, string value, string typeName = "String") => Expression(input, "Literal", value, typeName);

    public ActivityJson JavaScript(string input, string script, string typeName = "Object") => Expression(input, "JavaScript", script, typeName);

    /// <summary>An Object expression; its value is JSON text, as the studio stores it.</summary>
    public ActivityJson ObjectValue(string input, string json, string typeName = "Object") => Expression(input, "Object", json, typeName);

    /// <summary>A plain (non-wrapped) property.</summary>
    public ActivityJson Set(string property, JsonNode? value)
    {
        Json[property] = value;
        return this;
    }

    /// <summary>Binds an output to a variable id or a workflow output name.</summary>
    public ActivityJson OutputTo(string output, string memoryId, string typeName = "Object")
    {
        Json[output] = new JsonObject { ["typeName"] = typeName, ["memoryReference"] = new JsonObject { ["id"] = memoryId } };
        return this;
    }

    /// <summary>Sets <c>customProperties.mergeMode</c>.</summary>
    public ActivityJson MergeMode(string mode)
    {
        ((JsonObject)Json["customProperties"]!)["mergeMode"] = mode;
        return this;
    }
}
