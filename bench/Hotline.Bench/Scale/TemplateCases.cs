using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hotline.Domain.Cases;
using Hotline.Domain.Inbox;
using Hotline.Domain.Persistence;
using Hotline.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Bench.Scale;

/// <summary>A real case the generator copies: what it was registered with and how far it went.</summary>
/// <param name="Index">Its number among the templates; its markers carry it.</param>
/// <param name="CaseId">The case.</param>
/// <param name="Open">Whether it is still open (its copies are the open cases).</param>
/// <param name="SubjectCode">Its subject.</param>
/// <param name="SubjectName">The subject's name (the copies' texts are about it).</param>
/// <param name="DistrictCode">Its district.</param>
internal sealed record TemplateCase(int Index, Guid CaseId, bool Open, string SubjectCode, string SubjectName, string DistrictCode)
{
    /// <summary>Strings only this template's rows hold, replaced in its copies by the copy's own.</summary>
    public string NameMarker => $"NAME{Index:D4}Q";

    public string PhoneMarker => $"1990000{Index:D4}";

    public string AddressMarker => $"ADDR{Index:D4}Q";

    public string ContentMarker => $"CONTENT{Index:D4}Q";
}

/// <summary>
/// Runs real cases through the shipped definitions in the real host, under <see cref="BenchClock"/>: an operator
/// registers each (<c>POST /api/cases</c>), the routing rules dispatch it, then hours or days pass between the steps a
/// unit, the centre and the callback desk take (<see cref="InboxService"/>), with the case's due timers fired after each wait
/// as the sweep would fire them. Some stop part-way (dispatched, signed for, answered, awaiting the
/// callback), some are left past their deadlines so they climb the ladder, the rest are closed.
/// </summary>
internal static class TemplateCases
{
    private static readonly CaseStatus[] OpenStages = [CaseStatus.Dispatched, CaseStatus.Handling, CaseStatus.AwaitingReview, CaseStatus.AwaitingCallback];

    public static async Task<IReadOnlyList<TemplateCase>> RunAsync(BenchHost host, BenchClock clock, Func<Task<HttpClient>> signIn, int count, int seed)
    {
        var services = host.Services;
        var contexts = services.GetRequiredService<IDbContextFactory<HotlineDbContext>>();
        var inbox = services.GetRequiredService<InboxService>();
        var random = new Random(seed);
        List<(string Code, string Name, CaseType Type)> subjects;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            subjects = (await db.Subjects.AsNoTracking().Where(s => s.ParentCode != null).OrderBy(s => s.Code).ToListAsync())
                .Select(s => (s.Code, s.Name, s.DefaultCaseType)).ToList();
        }

        string[] districts = ["990102", "990103", "990104", "990121", "990122"];
        var templates = new List<TemplateCase>();
        for (var i = 0; i < count; i++)
        {
            var (code, name, type) = subjects[i % subjects.Count];
            var district = districts[(i / subjects.Count + i) % districts.Length];
            // Half the templates stay open, so the open copies have as many shapes to come from as the closed ones.
            var open = i % 2 == 1;
            var target = open ? OpenStages[i / 2 % OpenStages.Length] : CaseStatus.Closed;
            // One case in three is left to wait past a limit (sign-for or deadline) so the ladder moves.
            var late = i % 3 == 0;
            var template = new TemplateCase(i, Guid.Empty, open, code, name, district);
            // Each template starts near the same moment, so none waits through another's days.
            clock.Now = ScaleBenchmark.TemplateStart.AddHours(i);
            // Signed in afresh each time: the clock jumps days ahead, past a session's idle limit.
            using var operatorClient = await signIn();
            var caseId = await RegisterAsync(operatorClient, template, type);
            templates.Add(template with { CaseId = caseId });
            await AdvanceToAsync(services, contexts, inbox, clock, random, caseId, target, late);
        }

        return templates;
    }

    private static async Task<Guid> RegisterAsync(HttpClient client, TemplateCase template, CaseType type)
    {
        using var response = await client.PostAsJsonAsync("/api/cases", new CaseIntakeRequest(
            "Phone", template.ContentMarker, type.ToString(), template.SubjectCode, template.NameMarker, template.PhoneMarker, template.AddressMarker,
            template.DistrictCode, "Normal"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Registering template {template.Index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonObject>();
        return Guid.Parse(body!["id"]!.GetValue<string>());
    }

    /// <summary>Works the case's pending tasks until it reaches <paramref name="target"/>, letting time pass between the steps.</summary>
    private static async Task AdvanceToAsync(IServiceProvider services, IDbContextFactory<HotlineDbContext> contexts, InboxService inbox, BenchClock clock, Random random,
        Guid caseId, CaseStatus target, bool late)
    {
        for (var step = 0; step < 12; step++)
        {
            // Minutes to a day between steps; a late case waits two to twelve days once, before its first step.
            var wait = late && step == 0 ? TimeSpan.FromDays(2 + random.Next(11)) : TimeSpan.FromMinutes(20 + random.Next(24 * 60));
            clock.Advance(wait);
            await using var db = await contexts.CreateDbContextAsync();
            var instanceId = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.WorkflowInstanceId).SingleAsync();
            await FireDueTimersAsync(services, db, instanceId!, clock.Now);
            var status = await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync();
            if (status == target || status is CaseStatus.Closed or CaseStatus.Voided or CaseStatus.Merged)
                return;
            var task = await db.InboxTasks.AsNoTracking()
                .Where(t => t.CaseId == caseId && (t.Status == InboxTaskStatus.Open || t.Status == InboxTaskStatus.SignedFor)
                    && (t.Kind == InboxTaskKind.Handle || t.Kind == InboxTaskKind.Assist || t.Kind == InboxTaskKind.ReviewAnswer || t.Kind == InboxTaskKind.Callback))
                .OrderBy(t => t.CreatedAt).FirstOrDefaultAsync();
            if (task is null)
                continue;
            var actor = new InboxActor((task.UnitCode ?? "centre") + "-user", (task.UnitCode ?? "中心") + " 经办人", task.Kind is InboxTaskKind.Handle or InboxTaskKind.Assist ? task.UnitCode : null);
            if (task.Status == InboxTaskStatus.Open)
            {
                await inbox.SignAsync(task.TaskId, actor);
                // The lead unit signs for it and stops there: the Handling stage.
                if (target == CaseStatus.Handling && task.Kind == InboxTaskKind.Handle)
                    return;
                clock.Advance(TimeSpan.FromMinutes(5 + random.Next(240)));
            }

            var (outcome, result) = task.Kind switch
            {
                InboxTaskKind.Handle => ("Completed", new JsonObject { ["answer"] = "经核实，已责成相关单位处理完毕，并向市民做好解释。" }),
                InboxTaskKind.Assist => (InboxRules.AssistSubmitted, new JsonObject { ["opinion"] = "我单位已配合核查，情况属实，建议由主办单位牵头处理。" }),
                InboxTaskKind.ReviewAnswer => ("Approved", (JsonObject?)null),
                _ => ("Satisfied", new JsonObject { ["resolved"] = true }),
            };
            var run = await inbox.CompleteAsync(task.TaskId, actor, outcome, result);
            if (run.Incidents.Count > 0)
                throw new InvalidOperationException(string.Join("\n", run.Incidents.Select(x => x.Message)));
        }

        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Case {caseId} did not reach {target}."));
    }

    /// <summary>
    /// Fires the case's own due timers, as the sweep would (<see cref="WorkflowRuntime.ResumeAsync(string, string, object?, CancellationToken)"/>);
    /// the other templates' timers stay pending however far this one's clock moved.
    /// </summary>
    private static async Task FireDueTimersAsync(IServiceProvider services, HotlineDbContext db, string instanceId, DateTimeOffset now)
    {
        var runtime = services.GetRequiredService<WorkflowRuntime>();
        while (true)
        {
            var due = await db.Bookmarks.AsNoTracking().Where(b => b.WorkflowInstanceId == instanceId && b.ResumeAt != null && b.ResumeAt <= now)
                .OrderBy(b => b.ResumeAt).Select(b => b.Id).FirstOrDefaultAsync();
            if (due is null)
                return;
            await runtime.ResumeAsync(instanceId, due);
        }
    }
}
