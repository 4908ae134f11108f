namespace Hotline.Domain.Administration;

/// <summary>How an administrator's change of a record ended.</summary>
public enum ChangeOutcome
{
    /// <summary>Changed (or already as asked).</summary>
    Done,

    /// <summary>No such record.</summary>
    NotFound,

    /// <summary>Bad fields (<see cref="Change{T}.Errors"/>).</summary>
    Invalid,

    /// <summary>The record changed since the version the caller sent.</summary>
    Stale,

    /// <summary>Refused in the record's state or the data around it (<see cref="Change{T}.Reason"/>).</summary>
    Refused,
}

/// <summary>The result of a change of a record of type <typeparamref name="T"/>.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Entity">The record after the change (for <see cref="ChangeOutcome.Stale"/>, as it is now).</param>
/// <param name="Errors">The bad fields (camelCase).</param>
/// <param name="Reason">Why it was refused or is stale.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "The factories read as Change<HandlingUnit>.Refused(...) where the type is named once; a non-generic helper would need the type argument spelled anyway.")]
public sealed record Change<T>(ChangeOutcome Outcome, T? Entity = null, IReadOnlyDictionary<string, string[]>? Errors = null, string? Reason = null)
    where T : class
{
    /// <summary>Done, with the record as it is now.</summary>
    public static Change<T> Done(T entity) => new(ChangeOutcome.Done, entity);

    /// <summary>No such record.</summary>
    public static Change<T> NotFound() => new(ChangeOutcome.NotFound);

    /// <summary>Bad fields.</summary>
    public static Change<T> Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ChangeOutcome.Invalid, Errors: errors);

    /// <summary>One bad field.</summary>
    public static Change<T> Invalid(string field, string message) => Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>Refused, saying why and what to do first.</summary>
    public static Change<T> Refused(string reason, T? entity = null) => new(ChangeOutcome.Refused, entity, Reason: reason);
}
