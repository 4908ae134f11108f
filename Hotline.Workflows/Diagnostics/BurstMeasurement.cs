using System.Diagnostics;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Diagnostics;

/// <summary>
/// Measures one burst (one attempt): its span, its duration and its outcome. A struct on the stack: with no listener it
/// holds a timestamp and a null span, and records nothing.
/// </summary>
internal struct BurstMeasurement : IDisposable
{
    private readonly Activity? _span;
    private readonly long _started;
    private string _definitionId;
    private string _outcome;

    private BurstMeasurement(Activity? span, long started)
    {
        _span = span;
        _started = started;
        _definitionId = "";
        _outcome = "error";
    }

    /// <summary>Starts measuring a burst; its span is a child of the current one (the HTTP request's, when there is one).</summary>
    public static BurstMeasurement Start(string operation, int attempt)
    {
        var span = WorkflowTelemetry.Source.StartActivity("workflow burst");
        if (span is not null)
        {
            span.SetTag("workflow.operation", operation);
            span.SetTag("workflow.burst.attempt", attempt);
        }

        var measuring = span is not null || WorkflowTelemetry.Bursts.Enabled || WorkflowTelemetry.BurstDuration.Enabled;
        return new BurstMeasurement(span, measuring ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>The burst ran; <paramref name="context"/> says which definition and where it stands.</summary>
    public void Ran(WorkflowExecutionContext context)
    {
        _definitionId = context.Blueprint.Definition.DefinitionId;
        _outcome = context.SubStatus.ToString();
        if (_span is not null)
        {
            _span.SetTag("workflow.definition.id", _definitionId);
            _span.SetTag("workflow.instance.id", context.InstanceId);
            _span.SetTag("workflow.status", _outcome);
        }
    }

    /// <summary>The burst's commit lost a race; <paramref name="retried"/>: it is run again.</summary>
    public void Conflicted(bool retried)
    {
        _outcome = "Conflict";
        WorkflowTelemetry.Conflict(_definitionId, retried);
    }

    /// <summary>Commits a burst, measured: a span (a child of the burst's), count and duration by outcome.</summary>
    public static async Task CommitAsync(IBurstScope burst, WorkflowCommit commit, CancellationToken cancellationToken)
    {
        using var span = WorkflowTelemetry.Source.StartActivity("workflow commit");
        var measuring = span is not null || WorkflowTelemetry.Commits.Enabled || WorkflowTelemetry.CommitDuration.Enabled;
        var started = measuring ? Stopwatch.GetTimestamp() : 0;
        var outcome = "error";
        try
        {
            await burst.CommitAsync(commit, cancellationToken);
            outcome = "committed";
        }
        catch (ConcurrencyConflictException)
        {
            outcome = "conflict";
            throw;
        }
        finally
        {
            if (measuring)
                RecordCommit(span, outcome, started);
        }
    }

    private static void RecordCommit(Activity? span, string outcome, long started)
    {
        var tag = new KeyValuePair<string, object?>("outcome", outcome);
        if (span is not null)
        {
            span.SetTag("workflow.commit.outcome", outcome);
            if (outcome != "committed")
                span.SetStatus(ActivityStatusCode.Error, outcome);
        }

        WorkflowTelemetry.Commits.Add(1, tag);
        WorkflowTelemetry.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tag);
    }

    /// <summary>Records the burst's count and duration by definition and outcome, and ends its span.</summary>
    public readonly void Dispose()
    {
        if (_started == 0)
            return;
        var tags = new TagList
        {
            { "workflow.definition.id", _definitionId },
            { "outcome", _outcome },
        };
        WorkflowTelemetry.Bursts.Add(1, tags);
        WorkflowTelemetry.BurstDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        if (_span is not null)
        {
            if (_outcome is "error" or "Faulted")
                _span.SetStatus(ActivityStatusCode.Error, _outcome);
            _span.Dispose();
        }
    }
}
