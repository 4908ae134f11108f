using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hotline.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Elsa;

/// <summary>
/// The answer of <c>GET /descriptors/activities</c>, serialized once per language and kept while what it is made of is
/// unchanged: the activity types (fixed for the process), the stored versions of definitions usable as activities (their
/// documents and published/latest flags: saving, publishing, retracting or deleting one changes the answer) and the
/// units and subjects its dropdowns list. A request reads those few rows, hashes them and answers the kept bytes when
/// the hash is the same, so several hosts on one database never serve a stale catalogue; the hash is the ETag
/// (<c>304 Not Modified</c> when the Studio already holds it). Building the catalogue parses every such document and
/// describes ~100 activity types; the check reads small rows.
/// </summary>
public sealed class ActivityDescriptorCache(ActivityDescriptorCatalog catalog, IDbContextFactory<HotlineDbContext> contexts, ElsaWireFormat wire)
{
    private readonly ConcurrentDictionary<string, Answer> _answers = new(StringComparer.Ordinal);

    /// <summary>The serialized list (<c>{ items, count }</c>) in <paramref name="language"/> and its ETag.</summary>
    public async Task<Answer> GetAsync(string language, CancellationToken cancellationToken = default)
    {
        var tag = await StampAsync(language, cancellationToken);
        if (_answers.TryGetValue(language, out var kept) && kept.ETag == tag)
            return kept;
        var items = await catalog.ListAsync(language, cancellationToken);
        var answer = new Answer(JsonSerializer.SerializeToUtf8Bytes(new ListResponse<ActivityDescriptorModel>(items, items.Count), wire.Options), tag);
        _answers[language] = answer;
        return answer;
    }

    private async Task<string> StampAsync(string language, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var definitions = await db.WorkflowDefinitions.AsNoTracking().Where(d => d.UsableAsActivity)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.IsPublished, d.IsLatest, d.Document }).ToListAsync(cancellationToken);
        var units = await db.HandlingUnits.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.Code).Select(u => new { u.Code, u.Name }).ToListAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.Name, s.ParentCode }).ToListAsync(cancellationToken);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string? text)
        {
            // Length-prefixed, so that no two sequences of fields give the same bytes.
            hash.AppendData(BitConverter.GetBytes(text?.Length ?? -1));
            if (text is not null)
                hash.AppendData(Encoding.UTF8.GetBytes(text));
        }

        Add(language);
        foreach (var d in definitions)
        {
            Add(d.Id);
            Add(d.IsPublished ? "P" : "-");
            Add(d.IsLatest ? "L" : "-");
            Add(d.Document);
        }

        Add("units");
        foreach (var u in units)
        {
            Add(u.Code);
            Add(u.Name);
        }

        Add("subjects");
        foreach (var s in subjects)
        {
            Add(s.Code);
            Add(s.Name);
            Add(s.ParentCode);
        }

        return "\"" + Convert.ToHexStringLower(hash.GetHashAndReset())[..32] + "\"";
    }

    /// <summary>A kept answer: its UTF-8 JSON and its ETag (quoted).</summary>
    public sealed record Answer(byte[] Json, string ETag);
}
