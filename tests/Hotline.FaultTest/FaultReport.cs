using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Hotline.FaultTest;

/// <summary>What a fault-test run did (figures) and every broken invariant it found (violations).</summary>
internal sealed class FaultReport
{
    private readonly ConcurrentQueue<string> _violations = new();
    private long _caseRequests, _casesAccepted, _casesRejected, _casesUncertain, _caseRetries;
    private long _timerRequests, _timersAccepted, _timersRejected, _timersUncertain, _timerRetries;
    private long _kills, _selfExits, _databaseCrashes, _monitorSamples, _monitorSamplesFailed;

    /// <summary>The seed of the run's random choices.</summary>
    public int Seed { get; init; }

    /// <summary>Every violation, each naming the invariant.</summary>
    public IReadOnlyList<string> Violations => _violations.ToArray();

    /// <summary>Whether every invariant held.</summary>
    public bool Passed => _violations.IsEmpty;

    /// <summary>Logical case requests sent.</summary>
    public long CaseRequests => Interlocked.Read(ref _caseRequests);

    /// <summary>Case requests answered 2xx.</summary>
    public long CasesAccepted => Interlocked.Read(ref _casesAccepted);

    /// <summary>Timer workflows answered 2xx.</summary>
    public long TimersAccepted => Interlocked.Read(ref _timersAccepted);

    /// <summary>Hosts SIGKILLed.</summary>
    public long Kills => Interlocked.Read(ref _kills);

    /// <summary>PostgreSQL crashes.</summary>
    public long DatabaseCrashes => Interlocked.Read(ref _databaseCrashes);

    /// <summary>Timer workflow instances found, and how many of them fired exactly once.</summary>
    public (int Instances, int FiredOnce) Timers { get; set; }

    /// <summary>Cases found in the database.</summary>
    public int CasesInDatabase { get; set; }

    /// <summary>Human-task bookmarks seen without an open inbox row by the monitor during the run, and the longest time one was seen so.</summary>
    public (int Bookmarks, TimeSpan Longest) TasksSeenMissing { get; set; }

    /// <summary>Open, unchanged tasks whose writing transaction was compared with their bookmark's, and how many differed.</summary>
    public (int Checked, int Apart) TasksWrittenWithBookmark { get; set; }

    /// <summary>Phases and how long each took.</summary>
    public List<(string Phase, TimeSpan Took)> Phases { get; } = [];

    public void CaseRequested() => Interlocked.Increment(ref _caseRequests);

    public void TimerRequested() => Interlocked.Increment(ref _timerRequests);

    public void Retried(bool timer) => Interlocked.Increment(ref timer ? ref _timerRetries : ref _caseRetries);

    public void Finished(bool timer, RequestOutcome outcome)
    {
        if (outcome == RequestOutcome.Accepted)
            Interlocked.Increment(ref timer ? ref _timersAccepted : ref _casesAccepted);
        else if (outcome == RequestOutcome.Rejected)
            Interlocked.Increment(ref timer ? ref _timersRejected : ref _casesRejected);
        else
            Interlocked.Increment(ref timer ? ref _timersUncertain : ref _casesUncertain);
    }

    public void Killed() => Interlocked.Increment(ref _kills);

    public void ExitedByItself() => Interlocked.Increment(ref _selfExits);

    public void DatabaseCrashed() => Interlocked.Increment(ref _databaseCrashes);

    public void Sampled(bool failed)
    {
        Interlocked.Increment(ref _monitorSamples);
        if (failed)
            Interlocked.Increment(ref _monitorSamplesFailed);
    }

    /// <summary>Records a broken invariant.</summary>
    public void Violation(string invariant, string detail) => _violations.Enqueue($"{invariant}: {detail}");

    /// <summary>The summary printed at the end.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        void Line(string line) => text.AppendLine(CultureInfo.InvariantCulture, $"  {line}");
        text.AppendLine(Passed ? "fault test PASSED" : $"fault test FAILED: {_violations.Count} violation(s)");
        Line($"seed {Seed}; " + string.Join(", ", Phases.Select(p => $"{p.Phase} {p.Took.TotalSeconds:0}s")) + $"; total {Phases.Sum(p => p.Took.TotalSeconds):0}s");
        Line($"cases:  {CaseRequests} requests, {CasesAccepted} accepted, {_casesRejected} refused (4xx), {_casesUncertain} given up, {_caseRetries} retries; {CasesInDatabase} cases in the database");
        Line($"timers: {_timerRequests} requests, {TimersAccepted} accepted, {_timersRejected} refused (4xx), {_timersUncertain} given up, {_timerRetries} retries; {Timers.Instances} instances ({Timers.Instances - TimersAccepted} more than accepted: a retried execute, which takes no idempotency key, may start twice), {Timers.FiredOnce} fired exactly once");
        Line($"chaos:  {Kills} hosts SIGKILLed, {_selfExits} host exits by themselves (restarted), {DatabaseCrashes} PostgreSQL crashes");
        Line($"inbox rows written with their bookmark: {TasksWrittenWithBookmark.Checked - TasksWrittenWithBookmark.Apart} of {TasksWrittenWithBookmark.Checked} open tasks ({TasksWrittenWithBookmark.Apart} by another transaction)");
        Line($"inbox monitor: {_monitorSamples} samples, {_monitorSamplesFailed} unanswered (database down); {TasksSeenMissing.Bookmarks} waiting task(s) seen missing from the inbox, longest {TasksSeenMissing.Longest.TotalSeconds:0.0}s");
        foreach (var violation in _violations.Take(40))
            Line("VIOLATION " + violation);
        if (_violations.Count > 40)
            Line($"... and {_violations.Count - 40} more");
        return text.ToString();
    }
}

/// <summary>How a logical request ended.</summary>
internal enum RequestOutcome
{
    /// <summary>Answered 2xx.</summary>
    Accepted,

    /// <summary>Answered 4xx: the host refused a valid request.</summary>
    Rejected,

    /// <summary>No definite answer before the client gave up: it may or may not have taken effect.</summary>
    Uncertain,
}
