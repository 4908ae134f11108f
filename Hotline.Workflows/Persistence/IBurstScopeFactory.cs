namespace Hotline.Workflows.Persistence;

/// <summary>Opens the unit of work of one burst (<see cref="IBurstScope"/>); a port the host implements.</summary>
public interface IBurstScopeFactory
{
    /// <summary>A new scope; the caller disposes it.</summary>
    ValueTask<IBurstScope> BeginAsync(CancellationToken cancellationToken);
}
