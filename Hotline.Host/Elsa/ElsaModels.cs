using System.Text.Json.Nodes;
using Hotline.Workflows.Activities;
using Hotline.Workflows.Runtime;

namespace Hotline.Host.Elsa;

// The shapes of Elsa.Api.Client 3.8 (CONTRACT §6, §7, §8), serialized with ElsaWire.Options (camelCase, enums as names).

/// <summary>A list: <c>{items, count}</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, long Count);

/// <summary>A list without a count: <c>{items}</c> (variable types, storage drivers, output converters).</summary>
public sealed record ItemsResponse<T>(IReadOnlyList<T> Items);

/// <summary>A page: <c>{items, totalCount, links}</c>.</summary>
public sealed record PagedListResponse<T>(IReadOnlyList<T> Items, long TotalCount, IReadOnlyList<Link>? Links = null);

/// <summary>A HATEOAS link; the Studio looks at <c>rel</c> only (<c>publish</c>, <c>bulk-publish</c>).</summary>
public sealed record Link(string Href, string Rel, string Method);

/// <summary>An activity type as the designer sees it.</summary>
public sealed record ActivityDescriptorModel
{
    /// <summary>Type name (<c>Elsa.FlowDecision</c>, <c>Hotline.AssignUnit</c>, <c>Handle</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>Namespace.</summary>
    public required string Namespace { get; init; }

    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>Type version; activities carry it and the canvas finds descriptors by (type, version).</summary>
    public int Version { get; init; }

    /// <summary>Picker group.</summary>
    public required string Category { get; init; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Inputs.</summary>
    public IReadOnlyList<InputDescriptorModel> Inputs { get; init; } = [];

    /// <summary>Outputs.</summary>
    public IReadOnlyList<OutputDescriptorModel> Outputs { get; init; } = [];

    /// <summary>Action, Trigger or Task.</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>Outcome ports (<c>Flow</c>) and child slots (<c>Embedded</c>).</summary>
    public IReadOnlyList<PortModel> Ports { get; init; } = [];

    /// <summary>Custom properties (<c>RootType</c> for workflows used as activities).</summary>
    public IReadOnlyDictionary<string, object> CustomProperties { get; init; } = new Dictionary<string, object>();

    /// <summary>Properties copied onto a new activity when it is dropped on the canvas.</summary>
    public IReadOnlyDictionary<string, object> ConstructionProperties { get; init; } = new Dictionary<string, object>();

    /// <summary>Whether it contains other activities.</summary>
    public bool IsContainer { get; init; }

    /// <summary>Whether the picker offers it.</summary>
    public bool IsBrowsable { get; init; }

    /// <summary>Whether it is a start node (no inbound port).</summary>
    public bool IsStart { get; init; }

    /// <summary>Whether it ends its flowchart (no default outbound port).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Whether it runs asynchronously by default.</summary>
    public bool RunAsynchronously { get; init; }
}

/// <summary>An input of an activity type.</summary>
public sealed record InputDescriptorModel
{
    /// <summary>PascalCase name; the activity JSON stores the value under the camelCase name.</summary>
    public required string Name { get; init; }

    /// <summary>Type alias (<c>String</c>, <c>Int32</c>, <c>Object</c>, <c>List&lt;String&gt;</c>).</summary>
    public required string TypeName { get; init; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Order in the properties panel.</summary>
    public float Order { get; init; }

    /// <summary>Must be true for the Studio to show the input.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Whether the input is a workflow input (workflow used as an activity).</summary>
    public bool IsSynthetic { get; init; }

    /// <summary>Whether the value is stored as a wrapped expression.</summary>
    public bool IsWrapped { get; init; }

    /// <summary>Editor (<c>singleline</c>, <c>dropdown</c>, <c>dynamic-outcomes</c>, ...).</summary>
    public required string UIHint { get; init; }

    /// <summary>Properties-panel group.</summary>
    public string? Category { get; init; }

    /// <summary>Default value.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Default expression syntax.</summary>
    public string? DefaultSyntax { get; init; } = "Literal";

    /// <summary>Whether the input is read-only.</summary>
    public bool IsReadOnly { get; init; }

    /// <summary>Whether the value is a secret.</summary>
    public bool IsSensitive { get; init; }

    /// <summary>Storage driver.</summary>
    public string? StorageDriverType { get; init; }

    /// <summary>Editor settings keyed by UI hint (a dropdown's items).</summary>
    public IReadOnlyDictionary<string, object>? UISpecifications { get; init; }
}

/// <summary>An output of an activity type.</summary>
public sealed record OutputDescriptorModel(string Name, string TypeName, string? DisplayName, string? Description, float Order, bool IsBrowsable = true, bool IsSynthetic = false);

/// <summary>Whether a port is an outcome (<c>Flow</c>) or a child slot (<c>Embedded</c>).</summary>
public enum PortType
{
    /// <summary>An outbound connector.</summary>
    Flow,

    /// <summary>A child activity slot.</summary>
    Embedded,
}

/// <summary>A port.</summary>
public sealed record PortModel(string Name, string DisplayName, PortType Type, bool IsBrowsable = true);

/// <summary>A dropdown's items (<c>uiSpecifications.dropdown</c>).</summary>
public sealed record DropDownProps(SelectList SelectList);

/// <summary>Items of a dropdown.</summary>
public sealed record SelectList(IReadOnlyList<SelectListItem> Items, bool IsFlagsEnum = false, bool SortItems = false);

/// <summary>One dropdown item.</summary>
public sealed record SelectListItem(string Text, string Value);

/// <summary>A check list's items (<c>uiSpecifications.checklist</c>).</summary>
public sealed record CheckListProps(CheckList CheckList);

/// <summary>Items of a check list.</summary>
public sealed record CheckList(IReadOnlyList<CheckListItem> Items, bool IsFlagsEnum = false);

/// <summary>One check-list item.</summary>
public sealed record CheckListItem(string Text, string Value, bool IsChecked = false);

/// <summary>An expression syntax; <c>properties</c> must be strings (the client's type).</summary>
public sealed record ExpressionDescriptorModel(string Type, string DisplayName, bool IsSerializable, bool IsBrowsable, IReadOnlyDictionary<string, string> Properties);

/// <summary>A strategy type (activation, incident, log persistence).</summary>
public sealed record StrategyDescriptorModel(string TypeName, string DisplayName, string Description);

/// <summary>A commit strategy.</summary>
public sealed record CommitStrategyModel(string Name, string DisplayName, string Description);

/// <summary>A variable type.</summary>
public sealed record VariableTypeModel(string TypeName, string DisplayName, string Category, string? Description);

/// <summary>A variable storage driver.</summary>
public sealed record StorageDriverModel(string TypeName, string DisplayName, double Priority, bool Deprecated);

/// <summary>An installed feature.</summary>
public sealed record FeatureModel(string Name, string Namespace, string FullName, string DisplayName, string Description);

/// <summary>A row of the definition list.</summary>
public sealed record WorkflowDefinitionSummaryModel
{
    /// <summary>Version id.</summary>
    public required string Id { get; init; }

    /// <summary>Definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>Name.</summary>
    public required string Name { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Version number.</summary>
    public int Version { get; init; }

    /// <summary>Tool version.</summary>
    public string? ToolVersion { get; init; }

    /// <summary>Whether latest.</summary>
    public bool IsLatest { get; init; }

    /// <summary>Whether published.</summary>
    public bool IsPublished { get; init; }

    /// <summary>Where the definition comes from.</summary>
    public string? ProviderName { get; init; }

    /// <summary>Always <c>Json</c>.</summary>
    public string MaterializerName { get; init; } = "Json";

    /// <summary>When the version was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Whether it is read-only.</summary>
    public bool IsReadonly { get; init; }

    /// <summary>Always true.</summary>
    public bool IsMaterializerAvailable { get; init; } = true;

    /// <summary>Links; a <c>publish</c> link makes the row editable.</summary>
    public IReadOnlyList<Link> Links { get; init; } = [];
}

/// <summary>The answer of save and publish.</summary>
public sealed record SaveWorkflowDefinitionResponse(JsonObject WorkflowDefinition, bool AlreadyPublished, int ConsumingWorkflowCount, IReadOnlyList<string> ValidationErrors);

/// <summary>The answer of the uniqueness check.</summary>
public sealed record IsNameUniqueResponse(bool IsUnique);

/// <summary>The answer of a count.</summary>
public sealed record CountResponse(long Count);

/// <summary>The answer of a bulk delete.</summary>
public sealed record BulkDeleteResponse(long Deleted);

/// <summary>The answer of a bulk publish.</summary>
public sealed record BulkPublishResponse(IReadOnlyList<string> Published, IReadOnlyList<string> AlreadyPublished, IReadOnlyList<string> NotFound, IReadOnlyList<string> UpdatedConsumers);

/// <summary>The answer of a bulk retract.</summary>
public sealed record BulkRetractResponse(IReadOnlyList<string> Retracted, IReadOnlyList<string> AlreadyRetracted, IReadOnlyList<string> NotFound);

/// <summary>The definitions using a definition as an activity.</summary>
public sealed record ConsumersResponse(IReadOnlyList<string> ConsumingWorkflowDefinitionIds);

/// <summary>The answer of "update references".</summary>
public sealed record UpdateReferencesResponse(IReadOnlyList<string> AffectedWorkflows);

/// <summary>The answer of a file import.</summary>
public sealed record ImportFilesResponse(int Count);

/// <summary>A row of the instance list.</summary>
public record WorkflowInstanceSummaryModel
{
    /// <summary>Instance id.</summary>
    public required string Id { get; init; }

    /// <summary>Definition id.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The definition version it runs.</summary>
    public required string DefinitionVersionId { get; init; }

    /// <summary>That version's number.</summary>
    public int Version { get; init; }

    /// <summary>Running or Finished.</summary>
    public WorkflowStatus Status { get; init; }

    /// <summary>Pending, Executing, Suspended, Finished, Cancelled or Faulted.</summary>
    public WorkflowSubStatus SubStatus { get; init; }

    /// <summary>Correlation id (a case id).</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Name.</summary>
    public string? Name { get; init; }

    /// <summary>Number of incidents.</summary>
    public int IncidentCount { get; init; }

    /// <summary>Created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last saved.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Finished.</summary>
    public DateTimeOffset? FinishedAt { get; init; }
}

/// <summary>An instance with its state, for the viewer.</summary>
public sealed record WorkflowInstanceModel : WorkflowInstanceSummaryModel
{
    /// <summary>The list row's fields with the execution state.</summary>
    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public WorkflowInstanceModel(WorkflowInstanceSummaryModel summary, JsonObject workflowState)
        : base(summary) => WorkflowState = workflowState;

    /// <summary>The execution state: bookmarks (where it waits), incidents, fault, live contexts, input and output.</summary>
    public required JsonObject WorkflowState { get; init; }
}

/// <summary>The answer of the execution-state poll.</summary>
public sealed record ExecutionStateResponse(WorkflowStatus Status, WorkflowSubStatus WorkflowSubStatus, DateTimeOffset UpdatedAt);

/// <summary>A variable's current value.</summary>
public sealed record ResolvedVariable(string Id, string Name, JsonNode? Value);

/// <summary>A journal line.</summary>
public sealed record WorkflowExecutionLogRecordModel
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>The activity execution.</summary>
    public required string ActivityInstanceId { get; init; }

    /// <summary>The parent activity execution.</summary>
    public string? ParentActivityInstanceId { get; init; }

    /// <summary>Activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>Activity type.</summary>
    public required string ActivityType { get; init; }

    /// <summary>Activity type version (from 1).</summary>
    public int ActivityTypeVersion { get; init; }

    /// <summary>Activity name.</summary>
    public string? ActivityName { get; init; }

    /// <summary>Node id.</summary>
    public required string NodeId { get; init; }

    /// <summary>When.</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>Order within the instance.</summary>
    public long Sequence { get; init; }

    /// <summary>Started, Completed, Faulted, ...</summary>
    public required string EventName { get; init; }

    /// <summary>Message.</summary>
    public string? Message { get; init; }

    /// <summary>Source (not journaled here).</summary>
    public string? Source { get; init; }

    /// <summary>Activity state (not journaled here).</summary>
    public JsonObject? ActivityState { get; init; }

    /// <summary>Payload: an object (other values wrapped as {value}).</summary>
    public JsonNode? Payload { get; init; }
}

/// <summary>An activity execution. Its id is <c>{instanceId}:{executionId}</c>, so it can be found again by id alone.</summary>
public record ActivityExecutionRecordSummaryModel
{
    /// <summary>Id.</summary>
    public required string Id { get; init; }

    /// <summary>Instance.</summary>
    public required string WorkflowInstanceId { get; init; }

    /// <summary>Activity id.</summary>
    public required string ActivityId { get; init; }

    /// <summary>Node id.</summary>
    public required string ActivityNodeId { get; init; }

    /// <summary>Type.</summary>
    public required string ActivityType { get; init; }

    /// <summary>Type version.</summary>
    public int ActivityTypeVersion { get; init; }

    /// <summary>Name.</summary>
    public string? ActivityName { get; init; }

    /// <summary>Started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Whether it waits on bookmarks.</summary>
    public bool HasBookmarks { get; init; }

    /// <summary>Pending, Running, Completed, Canceled or Faulted.</summary>
    public ActivityStatus Status { get; init; }

    /// <summary>Completed.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Metadata.</summary>
    public JsonObject Metadata { get; init; } = [];
}

/// <summary>An activity execution with its details.</summary>
public sealed record ActivityExecutionRecordModel : ActivityExecutionRecordSummaryModel
{
    /// <summary>State (inputs as evaluated).</summary>
    public JsonObject? ActivityState { get; init; }

    /// <summary>Payload.</summary>
    public JsonObject? Payload { get; init; }

    /// <summary>Outputs.</summary>
    public JsonObject? Outputs { get; init; }

    /// <summary>Properties.</summary>
    public JsonObject Properties { get; init; } = [];

    /// <summary>The exception of a faulted execution.</summary>
    public JsonObject? Exception { get; init; }

    /// <summary>Faults of this execution and its children.</summary>
    public int AggregateFaultCount { get; init; }

    /// <summary>The execution that scheduled this one.</summary>
    public string? SchedulingActivityExecutionId { get; init; }

    /// <summary>The activity that scheduled this one.</summary>
    public string? SchedulingActivityId { get; init; }

    /// <summary>The instance of the scheduling execution.</summary>
    public string? SchedulingWorkflowInstanceId { get; init; }

    /// <summary>Depth in the call stack.</summary>
    public int CallStackDepth { get; init; }
}

/// <summary>Per-node statistics that drive the viewer's badges.</summary>
public sealed record ActivityExecutionStatsModel(string ActivityId, string ActivityNodeId, long StartedCount, long CompletedCount, long UncompletedCount, bool IsBlocked, bool IsFaulted);

/// <summary>The answer of the report.</summary>
public sealed record ActivityExecutionReport(IReadOnlyList<ActivityExecutionStatsModel> Stats);

/// <summary>The call stack of an execution.</summary>
public sealed record ActivityExecutionCallStackResponse(string ActivityExecutionId, IReadOnlyList<ActivityExecutionRecordModel> Items, long TotalCount);
