using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hotline.Bench.Scale;

/// <summary>What a piece of a stored value is, in a template's row: kept as it is, or replaced in each copy.</summary>
internal enum Part
{
    Literal,
    Guid,
    Hex,
    Time,
    Number,
    Name,
    Phone,
    Address,
    AddressKey,
    Content,
}

/// <summary>A piece of a stored string: literal text, or a placeholder for a copy's own value.</summary>
/// <param name="Index">For <see cref="Part.Guid"/> and <see cref="Part.Hex"/>: which of the template's own ids.</param>
/// <param name="Upper">A GUID written in capitals (SQLite's text GUIDs).</param>
/// <param name="Ticks">For <see cref="Part.Time"/>: the template's moment (UTC ticks, or local ticks without a zone).</param>
/// <param name="Offset">The moment's written offset.</param>
/// <param name="Format">How the moment was written.</param>
internal sealed record Segment(Part Part, string? Literal = null, int Index = 0, bool Upper = false, long Ticks = 0, TimeSpan Offset = default, string? Format = null);

/// <summary>
/// One column value of a template row: a constant, a shifted moment (<see cref="DateTime"/> or
/// <see cref="DateTimeOffset"/>), a GUID of the template's own, or a string of segments.
/// </summary>
internal sealed record ValueTemplate(object? Constant, Segment[]? Segments = null, bool JsonEscaped = false, int GuidIndex = -1, long? UtcTicks = null, bool AsDateTimeOffset = false, bool AsTicks = false)
{
    public static ValueTemplate Of(object? value) => new(value);
}

/// <summary>A table's columns as the copier writes them (identity and generated columns left to the database).</summary>
internal sealed record TableColumns(string Table, IReadOnlyList<string> Names, IReadOnlyList<string> Types);

/// <summary>
/// The rows one template case left in every table, compiled: each stored value split into what stays (definition
/// ids, codes, words) and what each copy gets its own of: the ids only this case holds (GUIDs, the engine's 16-hex
/// ids), every moment (shifted), the case number, and the citizen's name, number, address and words (the markers the
/// template was registered with, <see cref="TemplateCase"/>).
/// </summary>
internal sealed partial class TemplateRows
{
    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(?<![0-9a-fA-F])[0-9a-f]{16}(?![0-9a-fA-F])")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:Z|[+-]\d{2}:\d{2})?")]
    private static partial Regex TimePattern();

    public required TemplateCase Case { get; init; }

    /// <summary>The case's registration moment (UTC ticks).</summary>
    public required long CreatedTicks { get; init; }

    /// <summary>The latest moment any row of it holds that is not a pending timer's.</summary>
    public required long LastTicks { get; init; }

    /// <summary>The earliest pending timer, if any.</summary>
    public required long? FirstTimerTicks { get; init; }

    public required int GuidCount { get; init; }

    public required int HexCount { get; init; }

    /// <summary>Per table (in <see cref="TableColumns"/> order), its rows' values.</summary>
    public required IReadOnlyList<IReadOnlyList<ValueTemplate[]>> Tables { get; init; }

    /// <summary>Reads every table's rows and compiles each template's share of them.</summary>
    public static async Task<IReadOnlyList<TemplateRows>> CaptureAsync(DbConnection connection, IReadOnlyList<TableColumns> tables, IReadOnlyList<TemplateCase> templates,
        ISet<(string Table, string Column)> moments)
    {
        // Which rows are whose: a row holding the case's id, number or workflow instance id.
        var keys = new List<(TemplateCase Template, string[] Keys)>();
        foreach (var template in templates)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Number\", \"WorkflowInstanceId\" FROM \"Cases\" WHERE \"Id\" = @id";
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@id";
            parameter.Value = connection is Microsoft.Data.Sqlite.SqliteConnection ? template.CaseId.ToString().ToUpperInvariant() : template.CaseId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            keys.Add((template, [template.CaseId.ToString(), template.CaseId.ToString().ToUpperInvariant(), reader.GetString(0), reader.GetString(1)]));
        }

        var rows = new Dictionary<Guid, List<(int Table, object?[] Values)>>();
        for (var t = 0; t < tables.Count; t++)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", tables[t].Names.Select(n => $"\"{n}\""))} FROM \"{tables[t].Table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                    values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                var text = string.Join("\u0001", values.Select(v => v is Guid g ? g.ToString() : Convert.ToString(v, CultureInfo.InvariantCulture)));
                var owner = keys.FirstOrDefault(k => k.Keys.Any(key => text.Contains(key, StringComparison.Ordinal)));
                if (owner.Template is null)
                    continue;
                if (!rows.TryGetValue(owner.Template.CaseId, out var list))
                    rows[owner.Template.CaseId] = list = [];
                list.Add((t, values));
            }
        }

        // An id is the template's own when no other template's rows hold it (definition ids are everyone's).
        var holders = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, list) in rows)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (_, values) in list)
                foreach (var value in values)
                    CollectIds(value, ids);
            foreach (var id in ids)
                holders[id] = holders.GetValueOrDefault(id) + 1;
        }

        return templates.Select(template => Compile(template, rows.GetValueOrDefault(template.CaseId) ?? [], tables, moments, id => holders.GetValueOrDefault(id) == 1)).ToList();
    }

    private static void CollectIds(object? value, HashSet<string> ids)
    {
        switch (value)
        {
            case Guid g:
                ids.Add(g.ToString());
                break;
            case string s:
                foreach (Match m in GuidPattern().Matches(s))
                    ids.Add(m.Value.ToLowerInvariant());
                foreach (Match m in HexPattern().Matches(s))
                    ids.Add(m.Value);
                break;
        }
    }

    private static TemplateRows Compile(TemplateCase template, List<(int Table, object?[] Values)> rows, IReadOnlyList<TableColumns> columns, ISet<(string Table, string Column)> moments, Func<string, bool> own)
    {
        var guids = new Dictionary<string, int>(StringComparer.Ordinal);
        var hexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var markers = new Dictionary<string, Part>(StringComparer.Ordinal)
        {
            [template.NameMarker] = Part.Name,
            [template.PhoneMarker] = Part.Phone,
            [template.AddressMarker] = Part.Address,
            [template.AddressMarker.ToLowerInvariant()] = Part.AddressKey,
            [template.ContentMarker] = Part.Content,
        };
        long created = long.MaxValue, last = 0;
        long? firstTimer = null;
        var tables = columns.Select(_ => new List<ValueTemplate[]>()).ToList();
        foreach (var (table, values) in rows)
        {
            if (values.OfType<string>().FirstOrDefault(v => v.Length == 15 && v[8] == '-' && v.All(c => char.IsAsciiDigit(c) || c == '-')) is { } number)
                markers.TryAdd(number, Part.Number);
        }

        var markerPattern = new Regex(string.Join("|", markers.Keys.OrderByDescending(k => k.Length).Select(Regex.Escape)), RegexOptions.CultureInvariant);
        foreach (var (table, values) in rows)
        {
            var compiled = new ValueTemplate[values.Length];
            for (var i = 0; i < values.Length; i++)
            {
                compiled[i] = values[i] switch
                {
                    Guid g when own(g.ToString()) => new ValueTemplate(null, GuidIndex: IndexOf(guids, g.ToString())),
                    // SQLite keeps DateTimeOffset as UTC ticks (SqliteHotlineDbContext's converter).
                    long ticks when moments.Contains((columns[table].Table, columns[table].Names[i])) => new ValueTemplate(null, UtcTicks: ticks, AsTicks: true),
                    DateTime d => new ValueTemplate(null, UtcTicks: d.ToUniversalTime().Ticks),
                    DateTimeOffset d => new ValueTemplate(null, UtcTicks: d.UtcTicks, AsDateTimeOffset: true),
                    string s => CompileString(s, markerPattern, markers, own, guids, hexes),
                    var other => ValueTemplate.Of(other),
                };
                // Registered at the case's CreatedAt; its last step is its latest event or instance update; its earliest
                // pending timer bounds how late a still-open copy may be placed.
                var moment = MomentOf(compiled[i]);
                switch (columns[table].Table, columns[table].Names[i])
                {
                    case ("Cases", "CreatedAt"):
                        created = moment!.Value;
                        break;
                    case ("CaseEvents", "At") or ("WorkflowInstances", "UpdatedAt"):
                        last = Math.Max(last, moment!.Value);
                        break;
                    case ("Bookmarks", "ResumeAt") when moment is { } due:
                        firstTimer = Math.Min(firstTimer ?? long.MaxValue, due);
                        break;
                }
            }

            tables[table].Add(compiled);
        }

        return new TemplateRows
        {
            Case = template, CreatedTicks = created, LastTicks = last, FirstTimerTicks = firstTimer, GuidCount = guids.Count, HexCount = hexes.Count,
            Tables = tables,
        };
    }

    private static long? MomentOf(ValueTemplate value) =>
        value.UtcTicks ?? (value.Segments is [{ Part: Part.Time } only] ? only.Ticks : null);

    private static int IndexOf(Dictionary<string, int> ids, string id)
    {
        if (!ids.TryGetValue(id, out var index))
            ids[id] = index = ids.Count;
        return index;
    }

    private static ValueTemplate CompileString(string s, Regex markerPattern, Dictionary<string, Part> markers, Func<string, bool> own,
        Dictionary<string, int> guids, Dictionary<string, int> hexes)
    {
        var found = new List<(int At, int Length, Segment Segment)>();
        foreach (Match m in markerPattern.Matches(s))
            found.Add((m.Index, m.Length, new Segment(markers[m.Value])));
        foreach (Match m in GuidPattern().Matches(s))
        {
            var id = m.Value.ToLowerInvariant();
            if (own(id))
                found.Add((m.Index, m.Length, new Segment(Part.Guid, Index: IndexOf(guids, id), Upper: m.Value != id)));
        }

        foreach (Match m in HexPattern().Matches(s))
        {
            if (own(m.Value))
                found.Add((m.Index, m.Length, new Segment(Part.Hex, Index: IndexOf(hexes, m.Value))));
        }

        foreach (Match m in TimePattern().Matches(s))
            found.Add((m.Index, m.Length, Time(m.Value)));

        if (found.Count == 0)
            return ValueTemplate.Of(s);
        var segments = new List<Segment>();
        var at = 0;
        foreach (var (start, length, segment) in found.OrderBy(f => f.At))
        {
            if (start < at)
                continue; // overlaps an earlier match (a marker inside a moment cannot happen; keep the first)
            if (start > at)
                segments.Add(new Segment(Part.Literal, s[at..start]));
            segments.Add(segment);
            at = start + length;
        }

        if (at < s.Length)
            segments.Add(new Segment(Part.Literal, s[at..]));
        // JSON that System.Text.Json wrote with its default encoder escapes every non-ASCII character: so must the copy.
        var escaped = s.Length > 0 && s[0] is '{' or '[' && s.All(char.IsAscii);
        return new ValueTemplate(null, [.. segments], escaped);
    }

    private static Segment Time(string text)
    {
        var separator = text[10] == 'T' ? "'T'" : " ";
        var dot = text.IndexOf('.', 19);
        var zoneAt = text.Length > 19 ? text.IndexOfAny(['Z', '+', '-'], 19) : -1;
        var digits = dot < 0 ? 0 : (zoneAt < 0 ? text.Length : zoneAt) - dot - 1;
        var zone = zoneAt < 0 ? "" : text[zoneAt] == 'Z' ? "'Z'" : "zzz";
        var format = "yyyy-MM-dd" + separator + "HH:mm:ss" + (digits > 0 ? "." + new string('f', digits) : "") + zone;
        if (zoneAt < 0)
        {
            var local = DateTime.ParseExact(text, format, CultureInfo.InvariantCulture);
            return new Segment(Part.Time, Ticks: local.Ticks, Format: format);
        }

        var moment = DateTimeOffset.ParseExact(text, format, CultureInfo.InvariantCulture);
        return new Segment(Part.Time, Ticks: moment.UtcTicks, Offset: moment.Offset, Format: format);
    }

    /// <summary>The copy's text of a segmented string.</summary>
    public static string Render(ValueTemplate value, CopyValues copy)
    {
        var builder = new StringBuilder();
        foreach (var segment in value.Segments!)
        {
            switch (segment.Part)
            {
                case Part.Literal:
                    builder.Append(segment.Literal);
                    break;
                case Part.Guid:
                    var guid = copy.Guids[segment.Index].ToString();
                    builder.Append(segment.Upper ? guid.ToUpperInvariant() : guid);
                    break;
                case Part.Hex:
                    builder.Append(copy.Hexes[segment.Index]);
                    break;
                case Part.Time:
                    var ticks = segment.Ticks + copy.ShiftTicks;
                    builder.Append(segment.Format!.EndsWith("zzz", StringComparison.Ordinal) || segment.Format.EndsWith("'Z'", StringComparison.Ordinal)
                        ? new DateTimeOffset(ticks, TimeSpan.Zero).ToOffset(segment.Offset).ToString(segment.Format, CultureInfo.InvariantCulture)
                        : new DateTime(ticks).ToString(segment.Format, CultureInfo.InvariantCulture));
                    break;
                default:
                    var text = copy.Text(segment.Part);
                    builder.Append(value.JsonEscaped ? System.Text.Json.JsonEncodedText.Encode(text).ToString() : text);
                    break;
            }
        }

        return builder.ToString();
    }
}
