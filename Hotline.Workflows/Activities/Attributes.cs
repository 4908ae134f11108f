namespace Hotline.Workflows.Activities;

/// <summary>Describes an activity type: its Elsa type name is <c>{Namespace}.{TypeName}</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ActivityAttribute(string @namespace, string category, string description) : Attribute
{
    /// <summary>Type namespace, e.g. <c>Elsa</c> or <c>Hotline</c>.</summary>
    public string Namespace { get; } = @namespace;

    /// <summary>Designer category.</summary>
    public string Category { get; } = category;

    /// <summary>What the activity does, shown in the designer.</summary>
    public string Description { get; } = description;

    /// <summary>Type name without namespace; defaults to the class name.</summary>
    public string? TypeName { get; init; }

    /// <summary>Display name; defaults to the type name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Type version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>Named outcome ports. Defaults to <c>Done</c>.</summary>
    public string[] Outcomes { get; init; } = ["Done"];
}

/// <summary>Describes an input property of an activity.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    /// <summary>What the input means, shown in the designer.</summary>
    public string? Description { get; init; }

    /// <summary>Display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Designer UI hint (<c>singleline</c>, <c>dropdown</c>, <c>checkbox</c>, <c>dynamic-outcomes</c>, ...).</summary>
    public string? UIHint { get; init; }

    /// <summary>Default expression syntax.</summary>
    public string? DefaultSyntax { get; init; }

    /// <summary>Dropdown options.</summary>
    public string[]? Options { get; init; }

    /// <summary>Default value shown in the designer.</summary>
    public object? DefaultValue { get; init; }

    /// <summary>Whether the input is stored as a plain JSON value rather than a wrapped expression.</summary>
    public bool IsWrapped { get; init; } = true;

    /// <summary>Whether the activity cannot do its work without a value; publishing refuses a definition that leaves it empty.</summary>
    public bool Required { get; init; }
}

/// <summary>Describes an output property of an activity.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>What the output holds.</summary>
    public string? Description { get; init; }
}

/// <summary>
/// Marks an embedded port: a property of type <see cref="Runtime.ActivityNode"/> holding the activity the JSON property of
/// the same (camelCase) name describes (Elsa's <c>[Port]</c>: a loop's Body, an If's Then and Else).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PortAttribute : Attribute
{
    /// <summary>Display name; defaults to the property name.</summary>
    public string? DisplayName { get; init; }
}
