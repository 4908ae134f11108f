namespace Hotline.Domain.Reference;

/// <summary>
/// A column of a reference file: its header (<see cref="Key"/>, as exports write it), the Chinese header also
/// accepted on import (<see cref="Label"/>), whether every file must have it, and what it holds.
/// </summary>
public sealed record ReferenceColumn(string Key, string Label, bool Required, string Description)
{
    /// <summary>Whether a header cell names this column (either header, case and surrounding spaces ignored).</summary>
    public bool Matches(string header) =>
        string.Equals(header.Trim(), Key, StringComparison.OrdinalIgnoreCase) || string.Equals(header.Trim(), Label, StringComparison.Ordinal);
}
