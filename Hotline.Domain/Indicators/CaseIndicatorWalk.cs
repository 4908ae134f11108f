using Hotline.Domain.Cases;
using Hotline.Domain.Cases.Timeline;

namespace Hotline.Domain.Indicators;

/// <summary>
/// Walks one case's events in timeline order and adds what the period counts to the city's and the units' tallies
/// (the rules are on <see cref="IndicatorService"/> and <see cref="IndicatorFigures"/>). Events before the period only
/// set the state: the lead unit, the deadline in force, the open dispatch and reply rounds.
/// </summary>
internal sealed class CaseIndicatorWalk
{
    private readonly DateTimeOffset _fromUtc;
    private readonly IndicatorCounts _city;
    private readonly Dictionary<string, IndicatorCounts> _units;
    private readonly HashSet<string> _dispatchedTo = new(StringComparer.Ordinal);
    private string? _lead;
    private DateTimeOffset? _deadline;
    private bool _registered;
    private bool _closed;
    private DispatchRound? _dispatch;
    private ReplyRound? _reply;

    private CaseIndicatorWalk(DateTimeOffset fromUtc, IndicatorCounts city, Dictionary<string, IndicatorCounts> units)
    {
        _fromUtc = fromUtc;
        _city = city;
        _units = units;
    }

    /// <summary>Adds what <paramref name="timeline"/> (one case, in order) counts in the period starting at <paramref name="fromUtc"/>.</summary>
    public static void Add(List<TimelineEvent> timeline, DateTimeOffset fromUtc, IndicatorCounts city, Dictionary<string, IndicatorCounts> units)
    {
        var walk = new CaseIndicatorWalk(fromUtc, city, units);
        foreach (var e in timeline)
            walk.On(e);
    }

    private void On(TimelineEvent e)
    {
        var counted = e.At >= _fromUtc;
        switch (e.Kind)
        {
            case CaseEventKind.Registered when counted:
                _registered = true;
                _city.Registered++;
                break;
            case CaseEventKind.AnsweredFromKnowledgeBase:
                OnAnsweredFromKnowledgeBase(counted);
                break;
            case CaseEventKind.Closed:
                OnClosed(e, counted);
                break;
            case CaseEventKind.Dispatched or CaseEventKind.SubDispatched:
                OnDispatched(e, counted);
                break;
            case CaseEventKind.DeadlineSet:
                _deadline = TimelineReader.DeadlineOf(e) ?? _deadline;
                break;
            case CaseEventKind.ExtensionApproved:
                OnExtensionApproved(e, counted);
                break;
            case CaseEventKind.Returned when counted:
                OnReturned(e);
                break;
            case CaseEventKind.AnswerSubmitted when counted:
                OnAnswerSubmitted(e);
                break;
            case CaseEventKind.SignedFor when counted && e.Data<SignedForData>()?.Kind == "Handle":
                OnSignedFor(e);
                break;
            case CaseEventKind.Replied:
                OnReplied(counted);
                break;
            case CaseEventKind.CallbackRecorded when counted:
                OnCallbackRecorded(e);
                break;
            case CaseEventKind.Reopened when counted:
                OnReopened();
                break;
            case CaseEventKind.CitizenRated when counted:
                OnCitizenRated(e);
                break;
        }
    }

    private void OnAnsweredFromKnowledgeBase(bool counted)
    {
        if (counted && _registered && !_closed)
        {
            _city.DirectAnswers++;
            _city.Completed++;
        }

        _closed = true;
    }

    private void OnClosed(TimelineEvent e, bool counted)
    {
        if (counted && !_closed)
        {
            if (_registered)
                _city.Completed++;
            if (_lead is not null && _dispatchedTo.Contains(_lead))
                Unit(_lead).Completed++;
            if (e.Data<ClosedData>()?.Result == "Unreachable")
                MarkCalledBack();
        }

        _closed = true;
    }

    private void OnDispatched(TimelineEvent e, bool counted)
    {
        var to = TimelineReader.DispatchedUnit(e);
        _lead = to ?? _lead;
        _dispatch = new DispatchRound(to, counted);
        if (!counted)
            return;
        _city.Dispatches++;
        if (to is null)
            return;
        Unit(to).Dispatches++;
        if (_dispatchedTo.Add(to))
            Unit(to).DispatchedCases++;
    }

    private void OnExtensionApproved(TimelineEvent e, bool counted)
    {
        _deadline = TimelineReader.DeadlineOf(e) ?? _deadline;
        if (counted && _dispatch is { Counted: true, Extended: false })
        {
            _dispatch.Extended = true;
            foreach (var t in Tallies(_dispatch.Unit))
                t.Extended++;
        }
    }

    private void OnReturned(TimelineEvent e)
    {
        var returnedBy = e.Data<TaskOutcomeData>()?.UnitCode ?? _lead;
        if (_dispatch is { Counted: true, Returned: false } && _dispatch.Unit == returnedBy)
        {
            _dispatch.Returned = true;
            foreach (var t in Tallies(_dispatch.Unit))
                t.Returned++;
        }
    }

    private void OnAnswerSubmitted(TimelineEvent e)
    {
        var onTime = _deadline is null || e.At <= _deadline;
        foreach (var t in Tallies(e.Data<TaskOutcomeData>()?.UnitCode ?? _lead))
        {
            t.Answers++;
            if (onTime)
                t.AnswersOnTime++;
        }
    }

    private void OnSignedFor(TimelineEvent e)
    {
        var signed = e.Data<SignedForData>();
        var signedOnTime = signed?.OnTime == true;
        foreach (var t in Tallies(signed?.UnitCode ?? _lead))
        {
            t.SignFors++;
            if (signedOnTime)
                t.SignForsOnTime++;
        }
    }

    private void OnReplied(bool counted)
    {
        _reply = new ReplyRound(_lead, counted);
        if (counted)
        {
            foreach (var t in Tallies(_lead))
                t.Replies++;
        }
    }

    private void OnCallbackRecorded(TimelineEvent e)
    {
        var callback = e.Data<TaskOutcomeData>();
        var satisfied = callback?.Outcome is "Satisfied" or "BasicallySatisfied";
        var resolved = callback?.ResultFlag("resolved") == true;
        foreach (var t in Tallies(_lead))
        {
            t.Reached++;
            if (satisfied)
                t.Satisfied++;
            if (resolved)
                t.Resolved++;
        }

        MarkCalledBack();
    }

    private void OnCitizenRated(TimelineEvent e)
    {
        var satisfied = e.Data<CitizenRatedData>()?.Rating is CitizenRating.Satisfied or CitizenRating.BasicallySatisfied;
        foreach (var t in Tallies(_lead))
        {
            t.Ratings++;
            if (satisfied)
                t.RatedSatisfied++;
        }
    }

    private void OnReopened()
    {
        if (_reply is { Counted: true, Reopened: false })
        {
            _reply.Reopened = true;
            foreach (var t in Tallies(_reply.Unit))
                t.Reopened++;
        }
    }

    /// <summary>The reply counted in the period was followed by a callback (or a close as unreachable), once.</summary>
    private void MarkCalledBack()
    {
        if (_reply is { Counted: true, CalledBack: false })
        {
            _reply.CalledBack = true;
            foreach (var t in Tallies(_reply.Unit))
                t.CalledBack++;
        }
    }

    private IndicatorCounts Unit(string code) => _units.TryGetValue(code, out var counts) ? counts : _units[code] = new IndicatorCounts();

    private IEnumerable<IndicatorCounts> Tallies(string? unit) => unit is null ? [_city] : [_city, Unit(unit)];

    /// <summary>A dispatch and what happened while the unit had the case.</summary>
    private sealed class DispatchRound(string? unit, bool counted)
    {
        public string? Unit => unit;

        public bool Counted => counted;

        public bool Returned { get; set; }

        public bool Extended { get; set; }
    }

    /// <summary>A reply to the citizen and what followed it.</summary>
    private sealed class ReplyRound(string? unit, bool counted)
    {
        public string? Unit => unit;

        public bool Counted => counted;

        public bool CalledBack { get; set; }

        public bool Reopened { get; set; }
    }
}
