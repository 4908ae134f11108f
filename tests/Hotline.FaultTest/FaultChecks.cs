using System.Text.Json.Nodes;
using Npgsql;

namespace Hotline.FaultTest;

/// <summary>The invariants, checked in PostgreSQL once the chaos has stopped and every timer is due and swept.</summary>
internal sealed class FaultChecks(NpgsqlDataSource database, FaultReport report)
{
    private const int MaxDetails = 10;

    /// <summary>Runs every check; each violation goes into the report.</summary>
    public async Task RunAsync(IReadOnlyList<CaseRequest> cases, IReadOnlyList<TimerRequest> timers, CancellationToken cancellationToken)
    {
        await EveryAcceptedRequestIsOneCaseAsync(cases, cancellationToken);
        await NoCaseWaitsOnAMissingTaskAsync(cancellationToken);
        await EveryTaskWasWrittenWithItsBookmarkAsync(cancellationToken);
        await NoDuplicateOrStaleOpenTaskAsync(cancellationToken);
        await EveryTimerFiredOnceAsync(timers, cancellationToken);
        await NothingFaultedAsync(cancellationToken);
    }

    /// <summary>Whether every timer workflow has finished (the settle phase waits for this).</summary>
    public async Task<int> UnfinishedTimersAsync(CancellationToken cancellationToken) =>
        int.Parse((await Sql.RowsAsync(database, """SELECT count(*) FROM "WorkflowInstances" WHERE "DefinitionId" = @definition AND "Status" <> 'Finished'""",
            cancellationToken, ("definition", TimerLoad.DefinitionId)))[0][0]!, System.Globalization.CultureInfo.InvariantCulture);

    private async Task EveryAcceptedRequestIsOneCaseAsync(IReadOnlyList<CaseRequest> requests, CancellationToken cancellationToken)
    {
        const string invariant = "every accepted request is exactly one case";
        var rows = await Sql.RowsAsync(database, """SELECT "Content", "Number" FROM "Cases" """, cancellationToken);
        report.CasesInDatabase = rows.Count;
        var byContent = rows.GroupBy(r => r[0]!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r[1]!).ToList(), StringComparer.Ordinal);
        var details = new List<string>();
        foreach (var request in requests)
        {
            var numbers = byContent.GetValueOrDefault(request.Content) ?? [];
            if (request.Answer.Outcome == RequestOutcome.Accepted && (numbers.Count != 1 || numbers[0] != request.Number))
                details.Add($"request {request.Key} was answered with case {request.Number} after {request.Answer.Attempts} attempt(s); the database has [{string.Join(", ", numbers)}]");
            else if (request.Answer.Outcome != RequestOutcome.Accepted && numbers.Count > 1)
                details.Add($"request {request.Key} (no definite answer) made {numbers.Count} cases [{string.Join(", ", numbers)}]");
        }

        var known = requests.Select(r => r.Content).ToHashSet(StringComparer.Ordinal);
        details.AddRange(byContent.Where(c => !known.Contains(c.Key)).Select(c => $"case(s) [{string.Join(", ", c.Value)}] belong to no request: '{c.Key}'"));
        Report(invariant, details);
    }

    private async Task NoCaseWaitsOnAMissingTaskAsync(CancellationToken cancellationToken) =>
        Report("no case waits on a task missing from the inbox (at the end)",
            (await Sql.RowsAsync(database, Sql.WaitingTasksMissingFromInbox, cancellationToken)).Select(r => $"instance {r[1]} waits on task {r[2]} (bookmark {r[0]}), which has no open inbox row").ToList());

    private async Task EveryTaskWasWrittenWithItsBookmarkAsync(CancellationToken cancellationToken)
    {
        const string invariant = "every task's inbox row was written in the transaction of its bookmark";
        var rows = await Sql.RowsAsync(database, Sql.TasksNotWrittenWithTheirBookmark, cancellationToken);
        var open = int.Parse((await Sql.RowsAsync(database, Sql.OpenTasksWithBookmark, cancellationToken))[0][0]!, System.Globalization.CultureInfo.InvariantCulture);
        report.TasksWrittenWithBookmark = (open, rows.Count);
        var details = rows.Select(r => $"task {r[0]} of instance {r[1]}: its inbox row was written by another transaction than its bookmark").ToList();
        if (open == 0)
            details.Add("no open task was left to compare: the check proved nothing");
        Report(invariant, details);
    }

    private async Task NoDuplicateOrStaleOpenTaskAsync(CancellationToken cancellationToken)
    {
        var duplicates = await Sql.RowsAsync(database, $"""
            SELECT "WorkflowInstanceId", "Kind", "UnitCode", "TaskName", count(*) FROM "InboxTasks"
            WHERE "Status" IN {Sql.Pending} GROUP BY "WorkflowInstanceId", "Kind", "UnitCode", "TaskName" HAVING count(*) > 1
            """, cancellationToken);
        Report("no duplicate open task", duplicates.Select(r => $"instance {r[0]} has {r[4]} open {r[1]} tasks '{r[3]}' for {r[2]}").ToList());
        var stale = await Sql.RowsAsync(database, $"""
            SELECT t."TaskId", t."WorkflowInstanceId" FROM "InboxTasks" t
            WHERE t."Status" IN {Sql.Pending} AND NOT EXISTS (SELECT 1 FROM "Bookmarks" b WHERE b."Id" = t."BookmarkId")
            """, cancellationToken);
        Report("no open task without a waiting workflow", stale.Select(r => $"task {r[0]} of instance {r[1]} is open but its bookmark is gone").ToList());
    }

    private async Task EveryTimerFiredOnceAsync(IReadOnlyList<TimerRequest> requests, CancellationToken cancellationToken)
    {
        const string invariant = "every timer fired once";
        var instances = await Sql.RowsAsync(database, """
            SELECT i."Id", i."Status", i."SubStatus", i."CorrelationId",
                   (SELECT count(*) FROM "Bookmarks" b WHERE b."WorkflowInstanceId" = i."Id")
            FROM "WorkflowInstances" i WHERE i."DefinitionId" = @definition
            """, cancellationToken, ("definition", TimerLoad.DefinitionId));
        var fired = new Dictionary<string, int>(StringComparer.Ordinal);
        var history = await Sql.RowsAsync(database, """
            SELECT h."WorkflowInstanceId", encode(h."Journal", 'base64') FROM "WorkflowHistory" h
            JOIN "WorkflowInstances" i ON i."Id" = h."WorkflowInstanceId"
            WHERE i."DefinitionId" = @definition AND h."Journal" IS NOT NULL
            """, cancellationToken, ("definition", TimerLoad.DefinitionId));
        foreach (var row in history)
        {
            var completions = (JsonNode.Parse(Journal(row[1]!)) as JsonArray ?? []).Count(e =>
                e?["activityId"]?.GetValue<string>() == TimerLoad.FiredActivityId && e["eventName"]?.GetValue<string>() == "Completed");
            fired[row[0]!] = fired.GetValueOrDefault(row[0]!) + completions;
        }

        var details = new List<string>();
        foreach (var instance in instances)
        {
            var count = fired.GetValueOrDefault(instance[0]!);
            if (instance[1] != "Finished" || instance[2] != "Finished" || instance[4] != "0" || count != 1)
                details.Add($"timer instance {instance[0]} ({instance[3]}) is {instance[1]}/{instance[2]} with {instance[4]} bookmark(s); its timer step ran {count} time(s)");
        }

        var found = instances.Select(i => i[0]!).ToHashSet(StringComparer.Ordinal);
        details.AddRange(requests.Where(r => r.Answer.Outcome == RequestOutcome.Accepted && (r.InstanceId is null || !found.Contains(r.InstanceId)))
            .Select(r => $"timer workflow {r.CorrelationId} was answered with instance '{r.InstanceId}', which does not exist"));
        report.Timers = (instances.Count, instances.Count(i => fired.GetValueOrDefault(i[0]!) == 1));
        Report(invariant, details);
    }

    private async Task NothingFaultedAsync(CancellationToken cancellationToken)
    {
        var faulted = await Sql.RowsAsync(database, """
            SELECT "Id", "DefinitionId", "SubStatus", "IncidentCount", ("State"::jsonb -> 'incidents')::text
            FROM "WorkflowInstances" WHERE "SubStatus" = 'Faulted' OR "IncidentCount" > 0
            """, cancellationToken);
        Report("nothing faulted", faulted.Select(r => $"instance {r[0]} of {r[1]} is {r[2]} with {r[3]} incident(s): {CaseLoad.Truncate(r[4] ?? "")}").ToList());
    }

    private void Report(string invariant, List<string> details)
    {
        foreach (var detail in details.Take(MaxDetails))
            report.Violation(invariant, detail);
        if (details.Count > MaxDetails)
            report.Violation(invariant, $"... {details.Count - MaxDetails} more");
    }

    /// <summary>A history row's journal: JSON compressed with zlib (base64 from PostgreSQL's encode, which breaks lines).</summary>
    private static string Journal(string base64)
    {
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(Convert.FromBase64String(base64.Replace("\n", "", StringComparison.Ordinal))), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(zlib, System.Text.Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
