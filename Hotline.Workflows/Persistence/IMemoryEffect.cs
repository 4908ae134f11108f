namespace Hotline.Workflows.Persistence;

/// <summary>An effect the memory store can apply (tests and tools without a database).</summary>
public interface IMemoryEffect
{
    /// <summary>Applies the change.</summary>
    void Apply();
}
