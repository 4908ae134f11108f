namespace Hotline.Workflows.Definitions;

/// <summary>
/// One problem found in a definition: where it is (a JSON path, or an activity and the input of it that is wrong) and
/// what is wrong.
/// </summary>
public sealed record DefinitionError(
    string Message,
    string? Path = null,
    string? ActivityId = null,
    string? ActivityType = null,
    int? ActivityVersion = null,
    string? ActivityName = null,
    string? Input = null)
{
    /// <summary>A problem with an activity node, and, if given, one of its inputs.</summary>
    public static DefinitionError At(Runtime.ActivityNode node, string message, string? input = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new(message, null, node.Id, node.Type, node.Version, node.Name, input);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var activity = ActivityName is not null && ActivityName != ActivityId ? $"activity '{ActivityName}' ({ActivityId}, {ActivityType} v{ActivityVersion})" : $"activity '{ActivityId}' ({ActivityType} v{ActivityVersion})";
        var where = ActivityId is not null ? Input is not null ? $"{activity}, input '{Input}'" : activity : Path is not null ? $"at {Path}" : null;
        return where is null ? Message : $"{where}: {Message}";
    }
}

/// <summary>A definition that cannot be loaded or compiled. Nothing is stored or run when it is thrown.</summary>
public sealed class WorkflowDefinitionException : Exception
{
    /// <summary>Creates the exception from its errors.</summary>
    public WorkflowDefinitionException(IReadOnlyList<DefinitionError> errors)
        : base("Invalid workflow definition: " + string.Join("; ", errors)) => Errors = errors;

    /// <summary>Creates the exception from one error.</summary>
    public WorkflowDefinitionException(DefinitionError error) : this([error])
    {
    }

    /// <summary>The problems found.</summary>
    public IReadOnlyList<DefinitionError> Errors { get; }
}
