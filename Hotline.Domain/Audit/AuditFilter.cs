namespace Hotline.Domain.Audit;

/// <summary>Filters of the audit log; null means any.</summary>
/// <param name="EntityType">Rows about this kind of record (<see cref="AuditEntityTypes"/>).</param>
/// <param name="EntityId">Rows about this record.</param>
/// <param name="Actor">Rows of this actor.</param>
/// <param name="From">On or after this local date.</param>
/// <param name="To">On or before this local date.</param>
public sealed record AuditFilter(string? EntityType, string? EntityId, string? Actor, DateOnly? From, DateOnly? To)
{
    /// <summary>Adds to <paramref name="errors"/> what is wrong with the filters (<c>from</c> after <c>to</c>).</summary>
    public void Check(IDictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (From is not null && To is not null && From > To)
            errors["from"] = ["'from' is after 'to'."];
    }
}
