using System.Diagnostics;

namespace Hotline.FaultTest;

/// <summary>Starts one logical request every 1/rate seconds for a duration, then waits for all of them to end.</summary>
internal static class PacedLoad
{
    /// <summary>Runs <paramref name="one"/> (given a running number) at <paramref name="perSecond"/> for <paramref name="duration"/>.</summary>
    public static async Task RunAsync(double perSecond, TimeSpan duration, Func<int, Task> one, CancellationToken cancellationToken)
    {
        var started = new List<Task>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; ; i++)
        {
            var due = TimeSpan.FromSeconds(i / perSecond);
            if (due >= duration)
                break;
            if (due > watch.Elapsed)
                await Task.Delay(due - watch.Elapsed, cancellationToken);
            started.Add(one(i));
        }

        await Task.WhenAll(started);
    }
}
