namespace Hotline.Workflows.Activities;

/// <summary>What kind of activity a descriptor describes (Elsa's ActivityKind).</summary>
public enum ActivityKind
{
    /// <summary>Does work and completes.</summary>
    Action,

    /// <summary>Can start a workflow when its stimulus arrives.</summary>
    Trigger,

    /// <summary>Waits for a human or another system.</summary>
    Task,
}

/// <summary>Describes an input of an activity type, for the loader and the designer.</summary>
public sealed record InputDescriptor(
    string Name,
    Type Type,
    string TypeName,
    string DisplayName,
    string? Description,
    string UIHint,
    bool IsWrapped,
    string? DefaultSyntax,
    object? DefaultValue,
    IReadOnlyList<string>? Options,
    bool IsRequired = false);

/// <summary>Describes an output of an activity type.</summary>
public sealed record OutputDescriptor(string Name, Type Type, string TypeName, string DisplayName, string? Description);

/// <summary>Everything known about an activity type: its name, version, ports, inputs and outputs, and how to create it.</summary>
public sealed class ActivityDescriptor
{
    /// <summary>Full type name, e.g. <c>Elsa.WriteLine</c>.</summary>
    public required string TypeName { get; init; }

    /// <summary>Type version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Namespace part of the type name.</summary>
    public required string Namespace { get; init; }

    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>Designer category.</summary>
    public required string Category { get; init; }

    /// <summary>Display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Description.</summary>
    public string? Description { get; init; }

    /// <summary>Kind.</summary>
    public ActivityKind Kind { get; init; }

    /// <summary>Static outcome ports.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = ["Done"];

    /// <summary>Inputs.</summary>
    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    /// <summary>Outputs.</summary>
    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    /// <summary>The embedded ports (<see cref="PortAttribute"/>): properties holding one activity each (Body, Then, Else).</summary>
    public IReadOnlyList<string> Ports { get; init; } = [];

    /// <summary>Whether the type is a container of other activities (flowchart, fork).</summary>
    public bool IsContainer { get; init; }

    /// <summary>Whether the designer lists it.</summary>
    public bool IsBrowsable { get; init; } = true;

    /// <summary>Whether it ends its flowchart.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Whether it is a start node.</summary>
    public bool IsStart { get; init; }

    /// <summary>For workflow definitions used as activities: the definition id.</summary>
    public string? WorkflowDefinitionId { get; init; }

    /// <summary>For workflow definitions used as activities: the definition version id.</summary>
    public string? WorkflowDefinitionVersionId { get; init; }

    /// <summary>Creates an activity instance.</summary>
    public required Func<Activity> Factory { get; init; }

    /// <summary>The CLR type that implements it.</summary>
    public required Type ClrType { get; init; }
}
