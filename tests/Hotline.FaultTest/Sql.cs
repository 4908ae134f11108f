using Npgsql;

namespace Hotline.FaultTest;

/// <summary>The queries over the host's tables (names from Hotline.Domain/Persistence, Cases and Inbox).</summary>
internal static class Sql
{
    /// <summary>Pending inbox statuses.</summary>
    public const string Pending = "('Open', 'SignedFor')";

    /// <summary>
    /// Human-task bookmarks (a case waits on them) without a pending inbox row for their task id (the bookmark's hash,
    /// as the commit writes it). One statement, so one snapshot: a bookmark committed with its row is never seen without it.
    /// </summary>
    public const string WaitingTasksMissingFromInbox = $"""
        SELECT b."Id", b."WorkflowInstanceId", COALESCE(b."Hash", b."Id")
        FROM "Bookmarks" b
        WHERE b."Name" = 'Hotline.HumanTask'
          AND NOT EXISTS (SELECT 1 FROM "InboxTasks" t WHERE t."TaskId" = COALESCE(b."Hash", b."Id") AND t."Status" IN {Pending})
        """;

    /// <summary>
    /// Open inbox rows, never changed since they were written (<c>Version</c> 0; the test loads no calendar year, the
    /// only thing that moves an open task's due time), that another transaction wrote than their task's bookmark.
    /// Bookmarks are only inserted and deleted, so a row's <c>xmin</c> equals its bookmark's exactly when the commit
    /// that created the task wrote the row: a row written after the commit, or repaired later, is caught in every run,
    /// not only when a kill lands between the two.
    /// </summary>
    public const string TasksNotWrittenWithTheirBookmark = """
        SELECT t."TaskId", t."WorkflowInstanceId"
        FROM "Bookmarks" b JOIN "InboxTasks" t ON t."TaskId" = b."Hash"
        WHERE b."Name" = 'Hotline.HumanTask' AND t."Status" = 'Open' AND t."Version" = 0
          AND t.xmin::text <> b.xmin::text
        """;

    /// <summary>How many rows <see cref="TasksNotWrittenWithTheirBookmark"/> compares.</summary>
    public const string OpenTasksWithBookmark = """
        SELECT count(*)
        FROM "Bookmarks" b JOIN "InboxTasks" t ON t."TaskId" = b."Hash"
        WHERE b."Name" = 'Hotline.HumanTask' AND t."Status" = 'Open' AND t."Version" = 0
        """;

    /// <summary>Rows of <paramref name="sql"/>, every column as text.</summary>
    public static async Task<List<string?[]>> RowsAsync(NpgsqlDataSource database, string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = database.CreateCommand(sql);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<string?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            rows.Add(row);
        }

        return rows;
    }
}
