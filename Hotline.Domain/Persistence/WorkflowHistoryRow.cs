using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hotline.Workflows.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hotline.Domain.Persistence;

/// <summary>
/// What one burst of an instance (one <see cref="WorkflowCommit"/>) added to its history: the burst's journal lines
/// and the execution records it created or changed, each as one JSON array, compressed (<see cref="Journal"/>,
/// <see cref="Records"/>). A commit writes one row however many activities ran. A record that changes in a later burst
/// (a suspended activity that completes) is written again there; readers keep its last version.
/// </summary>
/// <remarks>
/// Compressed because history is most of what a case stores: a lifecycle burst's journal and records average ~21 KB
/// of JSON (measured on 20,000 cases: 1.8 GB of 2.1 GB on SQLite, which compresses nothing itself), ~3.4 KB with
/// zlib's fastest level. Rows written before the compression keep their text in <see cref="JournalJson"/> and
/// <see cref="RecordsJson"/>, which readers still read; new rows leave those null.
/// </remarks>
public sealed class WorkflowHistoryRow
{
    /// <summary>Row id (database-generated).</summary>
    public long Id { get; set; }

    /// <summary>The instance.</summary>
    public string WorkflowInstanceId { get; set; } = "";

    /// <summary>The instance revision the burst produced; orders the bursts of one instance.</summary>
    public long Revision { get; set; }

    /// <summary>Lowest journal sequence of the burst; null when the burst wrote no journal lines.</summary>
    public long? FirstSequence { get; set; }

    /// <summary>Highest journal sequence of the burst; null when the burst wrote no journal lines.</summary>
    public long? LastSequence { get; set; }

    /// <summary>When the burst was saved (the instance's <see cref="WorkflowInstance.UpdatedAt"/>).</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The burst's <see cref="JournalEntry"/> objects in sequence order, as a JSON array compressed with zlib; null when there were none.</summary>
    public byte[]? Journal { get; set; }

    /// <summary>The <see cref="ActivityExecutionRecord"/> objects the burst created or changed, as a JSON array compressed with zlib; null when there were none.</summary>
    public byte[]? Records { get; set; }

    /// <summary>The journal of a row written before <see cref="Journal"/> existed, as JSON text; null on newer rows.</summary>
    public string? JournalJson { get; set; }

    /// <summary>The records of a row written before <see cref="Records"/> existed, as JSON text; null on newer rows.</summary>
    public string? RecordsJson { get; set; }

    /// <summary>The history row of a commit, or null when the burst wrote neither journal lines nor records.</summary>
    internal static WorkflowHistoryRow? From(WorkflowCommit commit)
    {
        if (commit.Journal.Count == 0 && commit.Records.Count == 0)
            return null;
        var row = new WorkflowHistoryRow
        {
            WorkflowInstanceId = commit.Instance.Id,
            Revision = commit.Instance.Revision,
            CreatedAt = commit.Instance.UpdatedAt.ToUniversalTime(),
        };
        if (commit.Journal.Count > 0)
        {
            var journal = InSequenceOrder(commit.Journal);
            row.FirstSequence = journal[0].Sequence;
            row.LastSequence = journal[^1].Sequence;
            row.Journal = Compress(journal, HistoryJson.Default.IReadOnlyListJournalEntry);
        }

        if (commit.Records.Count > 0)
            row.Records = Compress(commit.Records, HistoryJson.Default.IReadOnlyListActivityExecutionRecord);
        return row;
    }

    /// <summary>The journal lines of a row: its <see cref="Journal"/>, or the <see cref="JournalJson"/> of an older row.</summary>
    internal static List<JournalEntry> ReadJournal(byte[]? journal, string? journalJson) =>
        (journal is not null ? Decompress(journal, HistoryJson.Default.ListJournalEntry)
            : journalJson is not null ? JsonSerializer.Deserialize(journalJson, HistoryJson.Default.ListJournalEntry) : null) ?? [];

    /// <summary>The execution records of a row: its <see cref="Records"/>, or the <see cref="RecordsJson"/> of an older row.</summary>
    internal static List<ActivityExecutionRecord> ReadRecords(byte[]? records, string? recordsJson) =>
        (records is not null ? Decompress(records, HistoryJson.Default.ListActivityExecutionRecord)
            : recordsJson is not null ? JsonSerializer.Deserialize(recordsJson, HistoryJson.Default.ListActivityExecutionRecord) : null) ?? [];

    // UTF-8 JSON written straight into zlib at its fastest level (no intermediate string), and read back the same way.
    private static byte[] Compress<T>(T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            JsonSerializer.Serialize(zlib, value, type);
        return buffer.ToArray();
    }

    private static T? Decompress<T>(byte[] data, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
    {
        using var zlib = new ZLibStream(new MemoryStream(data, writable: false), CompressionMode.Decompress);
        return JsonSerializer.Deserialize(zlib, type);
    }

    private static IReadOnlyList<JournalEntry> InSequenceOrder(IReadOnlyList<JournalEntry> journal)
    {
        for (var i = 1; i < journal.Count; i++)
        {
            if (journal[i].Sequence < journal[i - 1].Sequence)
                return journal.OrderBy(j => j.Sequence).ToList();
        }

        return journal;
    }
}

/// <summary>
/// The JSON of <see cref="WorkflowHistoryRow"/>: camelCase, enums as names, nulls left out, moments with their offset,
/// payloads as written. Source-generated, so no reflection runs per commit.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<JournalEntry>))]
[JsonSerializable(typeof(List<JournalEntry>))]
[JsonSerializable(typeof(IReadOnlyList<ActivityExecutionRecord>))]
[JsonSerializable(typeof(List<ActivityExecutionRecord>))]
internal sealed partial class HistoryJson : JsonSerializerContext;

internal sealed class WorkflowHistoryRowConfiguration : IEntityTypeConfiguration<WorkflowHistoryRow>
{
    public void Configure(EntityTypeBuilder<WorkflowHistoryRow> builder)
    {
        builder.ToTable("WorkflowHistory");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedOnAdd();
        // The journal of one instance is read burst by burst in sequence order; its records by the same prefix.
        builder.HasIndex(h => new { h.WorkflowInstanceId, h.FirstSequence });
    }
}
