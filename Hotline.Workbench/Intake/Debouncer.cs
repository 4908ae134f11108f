namespace Hotline.Workbench.Intake;

/// <summary>
/// Runs the latest of quick successive look-ups once typing pauses: each call cancels the one before it. The pause is
/// real time (a person's typing), not the hotline's clock. Calls come on one page's circuit, one at a time between
/// awaits, so replacing the latest and cancelling the one before happen together, with no await between.
/// </summary>
internal sealed class Debouncer : IDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(300);
    private CancellationTokenSource? _latest;

    /// <summary>Waits for the pause, then runs <paramref name="work"/> unless a later call came first.</summary>
    public async Task RunAsync(Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var before = _latest;
        var mine = _latest = new CancellationTokenSource();
        Cancel(before);
        try
        {
            await Task.Delay(Pause, mine.Token);
            await work(mine.Token);
        }
        catch (OperationCanceledException) when (mine.IsCancellationRequested)
        {
            // A later look-up replaced this one.
        }
        finally
        {
            // A source that is no longer the latest was cancelled when it was replaced; nobody else holds it.
            if (ReferenceEquals(_latest, mine))
                _latest = null;
            mine.Dispose();
        }
    }

    public void Dispose() => Cancel(_latest);

    private static void Cancel(CancellationTokenSource? source) => source?.Cancel();
}
