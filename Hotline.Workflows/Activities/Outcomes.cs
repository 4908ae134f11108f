namespace Hotline.Workflows.Activities;

/// <summary>The named ports an activity completed through.</summary>
public sealed class Outcomes
{
    /// <summary>The default outcome.</summary>
    public static readonly Outcomes Done = new(["Done"]);

    /// <summary>Creates outcomes from names.</summary>
    public Outcomes(IReadOnlyList<string> names) => Names = names;

    /// <summary>The outcome names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Creates a single outcome.</summary>
    public static Outcomes From(string name) => name == "Done" ? Done : new([name]);

    /// <summary>Whether the outcomes contain a port.</summary>
    public bool Contains(string port)
    {
        // By index: a foreach over the interface would allocate an enumerator for every connection checked.
        for (var i = 0; i < Names.Count; i++)
            if (string.Equals(Names[i], port, StringComparison.Ordinal))
                return true;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(",", Names);
}
