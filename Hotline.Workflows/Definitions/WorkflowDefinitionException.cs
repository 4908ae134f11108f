namespace Hotline.Workflows.Definitions;

/// <summary>One problem found in a definition: where it is (a JSON path, an activity) and what is wrong.</summary>
public sealed record DefinitionError(string Message, string? Path = null, string? ActivityId = null, string? ActivityType = null, int? ActivityVersion = null)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var where = ActivityId is not null ? $"activity '{ActivityId}' ({ActivityType} v{ActivityVersion})" : Path is not null ? $"at {Path}" : null;
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
