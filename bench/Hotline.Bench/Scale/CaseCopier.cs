using System.Diagnostics;
using System.Globalization;
using Hotline.Domain.Search;

namespace Hotline.Bench.Scale;

/// <summary>
/// Fills a database with copies of the template cases (<see cref="TemplateRows"/>): each copy gets a template of its
/// kind (closed, or open at some stage), a moment in the year before "now" (closed ones wholly in the past; open ones
/// so that their pending ladder timers are still ahead), new ids, a case number of its day, a citizen and words about
/// its subject (<see cref="CitizenFaker"/>) and the search entry those words give. Copies are written in creation
/// order, as a year of registrations would have left them.
/// </summary>
internal static class CaseCopier
{
    /// <summary>Every table a case's lifecycle writes to, but the search entry (computed from the copy's words).</summary>
    private static readonly string[] Tables = ["Cases", "CaseEvents", "InboxTasks", "WorkflowInstances", "Bookmarks", "WorkflowHistory", "Notifications", "AuditEntries", "OutboxMessages", "RatingTokens"];

    private const int BatchSize = 2_000;

    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static async Task<LoadResult> LoadAsync(string label, string provider, string connectionString, IReadOnlyList<TemplateCase> templates, ISet<(string Table, string Column)> moments,
        ScaleOptions options, DateTimeOffset now)
    {
        await using var loader = await BulkLoader.OpenAsync(provider, connectionString);
        var tables = new List<TableColumns>();
        foreach (var table in Tables)
            tables.Add(await loader.ColumnsAsync(table));
        var searchTable = await loader.ColumnsAsync("CaseSearchEntries");
        var compiled = await TemplateRows.CaptureAsync(loader.Connection, tables, templates, moments);
        var margin = TimeSpan.FromHours(1).Ticks;
        var closed = compiled.Where(t => !t.Case.Open).ToList();
        // An open copy must be placed so its pending timers are still ahead: a template whose next timer is due within
        // the hour after its last step cannot be.
        var open = compiled.Where(t => t.Case.Open && (t.FirstTimerTicks is null || t.FirstTimerTicks - t.LastTicks > margin)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: templates compiled: {closed.Count} closed, {open.Count} open; rows per case ≈ {compiled.Average(t => t.Tables.Sum(r => r.Count)):F1}"));

        var random = new Random(options.Seed);
        var plan = new (TemplateRows Template, long Shift, long Created)[options.Cases];
        var year = TimeSpan.FromDays(365).Ticks;
        for (var i = 0; i < plan.Length; i++)
        {
            var isOpen = i < options.OpenCases;
            var template = isOpen ? open[random.Next(open.Count)] : closed[random.Next(closed.Count)];
            var latest = now.UtcTicks - template.LastTicks; // the largest shift: its last step at "now"
            long shift;
            if (!isOpen)
                shift = now.UtcTicks - year - template.CreatedTicks + random.NextInt64(Math.Max(1, year - (template.LastTicks - template.CreatedTicks)));
            else
            {
                var earliest = template.FirstTimerTicks is { } first ? Math.Max(now.UtcTicks + margin - first, latest - TimeSpan.FromDays(60).Ticks) : latest - TimeSpan.FromDays(60).Ticks;
                shift = earliest + random.NextInt64(Math.Max(1, latest - earliest));
            }

            plan[i] = (template, shift, template.CreatedTicks + shift);
        }

        Array.Sort(plan, (a, b) => a.Created.CompareTo(b.Created));

        var faker = new CitizenFaker(options.Seed);
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, string[]>();
        var contents = new Dictionary<(string, string), string[]>();
        var segmenter = ChineseSegmenter.Instance;
        string Words(string text)
        {
            if (!words.TryGetValue(text, out var terms))
                words[text] = terms = segmenter.IndexText(text);
            return terms;
        }

        var caseTable = tables.FindIndex(t => t.Table == "Cases");
        var idColumn = tables[caseTable].Names.ToList().IndexOf("Id");
        var leadColumn = tables[caseTable].Names.ToList().IndexOf("LeadUnitCode");
        var numbers = new List<string>();
        var leadUnits = new Dictionary<string, int>(StringComparer.Ordinal);
        var sampleEvery = Math.Max(1, options.Cases / 5_000);
        long rows = 0;
        var day = "";
        var sequence = 0;
        var stopwatch = Stopwatch.StartNew();
        var batch = tables.Select(_ => new List<object?[]>()).Append(new List<object?[]>()).ToList();
        for (var i = 0; i < plan.Length; i++)
        {
            var (template, shift, created) = plan[i];
            var createdAt = new DateTimeOffset(created, TimeSpan.Zero);
            var local = createdAt.ToOffset(ChinaOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            sequence = local == day ? sequence + 1 : 1;
            day = local;
            var district = template.Case.DistrictCode;
            if (!addresses.TryGetValue(district, out var pool))
                addresses[district] = pool = Enumerable.Range(0, 3_000).Select(_ => faker.Address(district)).ToArray();
            if (!contents.TryGetValue((template.Case.SubjectCode, district), out var texts))
                contents[(template.Case.SubjectCode, district)] = texts = Enumerable.Range(0, 40).Select(_ => faker.Content(template.Case.SubjectCode, template.Case.SubjectName, faker.Random.ArrayElement(pool))).ToArray();
            var address = faker.Random.ArrayElement(pool);
            var copy = new CopyValues
            {
                Guids = Enumerable.Range(0, template.GuidCount).Select(_ => Guid.CreateVersion7(createdAt)).ToArray(),
                Hexes = Enumerable.Range(0, template.HexCount).Select(_ => random.NextInt64().ToString("x16", CultureInfo.InvariantCulture)).ToArray(),
                ShiftTicks = shift,
                Number = string.Create(CultureInfo.InvariantCulture, $"{local}-{sequence:D6}"),
                Name = faker.Name(),
                Phone = faker.Phone(),
                Address = address,
                AddressKey = Hotline.Domain.Cases.AddressKey.Normalize(address)!,
                Content = faker.Random.ArrayElement(texts),
            };
            for (var t = 0; t < tables.Count; t++)
            {
                foreach (var row in template.Tables[t])
                {
                    var values = new object?[row.Length];
                    for (var c = 0; c < row.Length; c++)
                        values[c] = copy.Value(row[c]);
                    batch[t].Add(values);
                    if (t == caseTable)
                    {
                        batch[^1].Add([values[idColumn], Words(copy.Content), Words(copy.Address)]);
                        if (values[leadColumn] is string lead && template.Case.Open)
                            leadUnits[lead] = leadUnits.GetValueOrDefault(lead) + 1;
                    }
                }
            }

            if (i % sampleEvery == 0)
                numbers.Add(copy.Number);
            if (batch[0].Count >= BatchSize || i == plan.Length - 1)
            {
                rows += batch.Sum(b => b.Count);
                await loader.WriteAsync([.. tables, searchTable], batch);
                foreach (var list in batch)
                    list.Clear();
                if (i / BatchSize % 50 == 0 || i == plan.Length - 1)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {i + 1:N0} cases, {rows:N0} rows, {stopwatch.Elapsed.TotalSeconds:F0} s"));
            }
        }

        await AnalyzeAsync(loader);
        stopwatch.Stop();
        return new LoadResult(rows, stopwatch.Elapsed, numbers)
        {
            LeadUnits = leadUnits.OrderByDescending(u => u.Value).Select(u => u.Key).ToList(),
            Districts = compiled.Select(t => t.Case.DistrictCode).Distinct().ToList(),
            Subjects = compiled.Select(t => t.Case.SubjectCode).Distinct().ToList(),
        };
    }

    /// <summary>
    /// Statistics for the planner after a bulk load, as a DBA would after a migration; on PostgreSQL with a vacuum too,
    /// which sets the visibility map as autovacuum does on a table that grew by inserts: without it every count read each
    /// row's heap page (a million fresh rows: 162,000 heap fetches, 127 ms for the count of all cases).
    /// </summary>
    private static async Task AnalyzeAsync(BulkLoader loader)
    {
        await using var command = loader.Connection.CreateCommand();
        command.CommandText = loader.Connection is Npgsql.NpgsqlConnection ? "VACUUM (ANALYZE)" : "ANALYZE";
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }
}
