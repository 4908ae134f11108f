namespace Hotline.Domain.Administration;

/// <summary>Loops in a code tree (units, subjects) that a change of parent would make.</summary>
public static class TreeCycles
{
    /// <summary>
    /// Why putting <paramref name="code"/> under <paramref name="newParent"/> would make a loop (the parent is the record
    /// itself or one of its descendants), or null. <paramref name="parents"/> maps each stored code to its parent.
    /// </summary>
    public static string? Find(IReadOnlyDictionary<string, string?> parents, string code, string newParent, string noun)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var path = new List<string> { newParent };
        for (var current = newParent; path.Count <= parents.Count + 1;)
        {
            if (current == code)
                return $"The {noun} {code} cannot be put under its own descendant {newParent} ({string.Join(" → ", path)}).";
            if (!parents.TryGetValue(current, out var above) || above is null)
                return null;
            path.Add(above);
            current = above;
        }

        return null;
    }
}
