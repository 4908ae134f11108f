namespace Hotline.Workbench.Intake;

/// <summary>
/// Runs the latest of quick successive look-ups once typing pauses: each call cancels the one before it. The pause is
/// real time (a person's typing), not the hotline's clock.
/// </summary>
internal sealed class Debouncer : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);
    private CancellationTokenSource? _latest;

    /// <summary>Waits for the pause, then runs <paramref name="work"/> unless a later call came first.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (_latest is { } before)
        {
            await before.CancelAsync();
            before.Dispose();
        }

        var mine = _latest = new CancellationTokenSource();
        try
        {
            await Task.Delay(Pause, mine.Token);
            await work(mine.Token);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            // A later look-up replaced this one.
        }
        catch (ObjectDisposedException)
        {
            // A later look-up replaced this one and disposed its source.
        }
    }

    public void Dispose() => _latest?.Dispose();
}
