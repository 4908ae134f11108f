using System.Security.Claims;
using Hotline.Domain.Calendar;
using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Operations;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Domain.Users;
using Hotline.Host.Api;
using Hotline.Host.Security;
using Hotline.Workbench.Intake;
using Hotline.Workbench.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Workbench;

/// <summary>
/// The operator's intake desk through the API's own code: <see cref="CaseIntake"/> with the caller of
/// <c>POST /api/cases</c> (<see cref="CasesApi.IntakeCallerOf"/>), the telephone filter of <c>GET /api/cases</c>
/// (<see cref="CasesApi.Phone"/>, <see cref="CasesApi.OfCaller"/>, <see cref="CaseVisibility"/>), the duplicate search
/// (<see cref="DuplicateCandidatesApi.CandidatesAsync"/>), the knowledge search (<see cref="KnowledgeApi.FindAsync"/>) and
/// 并案 (<see cref="CaseOperations.MergeAsync"/>, for <see cref="CaseOperationCalls.DeskRoles"/>). Scoped services run in a
/// scope of their own per call: a page's circuit lives all day, a context must not.
/// </summary>
internal sealed class WorkbenchIntake(
    IServiceScopeFactory scopes, IDbContextFactory<HotlineDbContext> contexts, CalendarService calendars, IOptions<CaseOptions> caseOptions, TimeProvider clock)
    : IWorkbenchIntake
{
    private const int HistorySize = 10;

    /// <summary>What a merge at the desk records as its reason.</summary>
    internal const string MergeReason = "受理时并案";

    public bool MayUse(ClaimsPrincipal user) => CasesApi.IntakeRoles.Where(r => r != HotlineRoles.Integrator).Any(user.IsInRole);

    public async Task<IntakeChoices> ChoicesAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var subjects = await db.Subjects.AsNoTracking().ToListAsync(cancellationToken);
        var districts = await ReferenceNames.DistrictUnits(db).Select(u => new IntakeDistrict(u.DistrictCode, u.Name)).ToListAsync(cancellationToken);
        districts = districts.DistinctBy(d => d.Code).ToList();
        var fixedDistrict = Caller.DistrictCode(user);
        if (fixedDistrict is not null && districts.All(d => d.Code != fixedDistrict))
            districts.Add(new IntakeDistrict(fixedDistrict, fixedDistrict));
        return new IntakeChoices(Tree(subjects), districts, fixedDistrict);
    }

    /// <summary>The subjects depth first, each category followed by its children, by code.</summary>
    private static List<IntakeSubject> Tree(List<Subject> subjects)
    {
        var codes = subjects.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var children = subjects.ToLookup(s => s.ParentCode is { } p && codes.Contains(p) ? p : "");
        var tree = new List<IntakeSubject>();
        void Add(string parent, int depth)
        {
            foreach (var s in children[parent].OrderBy(s => s.Code, StringComparer.Ordinal))
            {
                tree.Add(new IntakeSubject(s.Code, s.Name, depth, s.CaseTypes, s.DefaultCaseType));
                if (depth < 8)
                    Add(s.Code, depth + 1);
            }
        }

        Add("", 0);
        return tree;
    }

    public async Task<CallerHistory> HistoryAsync(ClaimsPrincipal user, string phone, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (CasesApi.Phone(phone, user, errors) is not { Digits: { } digits } filter)
            return new CallerHistory([], 0, errors.Values.SelectMany(v => v).FirstOrDefault());
        if (!filter.Allowed)
            return new CallerHistory([], 0, Texts.T("intakeHistoryRefused"));
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ordered = CaseVisibility.NewestFirst(db, user, CasesApi.OfCaller(db.Cases.AsNoTracking(), digits));
        var total = await ordered.CountAsync(cancellationToken);
        var cases = await ordered.Take(HistorySize).ToListAsync(cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, cases.Select(c => c.SubjectCode), [], [], cancellationToken);
        return new CallerHistory(cases.Select(c => new IntakeCaseRow(c.Number, c.Status, c.IsOpen, c.Type, names.Subject(c.SubjectCode), c.Content, c.CreatedAt)).ToList(), total);
    }

    public async Task<IReadOnlyList<IntakeDuplicate>> DuplicatesAsync(ClaimsPrincipal user, IntakeForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!DuplicateCandidatesApi.Roles.Any(user.IsInRole))
            return [];
        var byPlace = !string.IsNullOrWhiteSpace(form.SubjectCode) && !string.IsNullOrWhiteSpace(form.Address) && !string.IsNullOrWhiteSpace(District(user, form));
        var phone = PhoneNumbers.ParseTyped(form.CitizenPhone) is not null ? form.CitizenPhone : null;
        if (string.IsNullOrWhiteSpace(phone) && !byPlace)
            return [];
        await using var scope = scopes.CreateAsyncScope();
        var query = new DuplicateQuery(phone, byPlace ? District(user, form) : null, byPlace ? form.Address : null, byPlace ? form.SubjectCode : null, clock.GetUtcNow());
        var (found, errors) = await DuplicateCandidatesApi.CandidatesAsync(query, user, scope.ServiceProvider.GetRequiredService<DuplicateFinder>(), cancellationToken);
        if (errors.Count > 0 || found.Count == 0)
            return [];
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, found.Select(c => c.SubjectCode), [], [], cancellationToken);
        var mayMerge = CaseOperationCalls.DeskRoles.Any(user.IsInRole);
        return found.Select(c => new IntakeDuplicate(c.Number, c.Reason, c.Status, names.Subject(c.SubjectCode), c.CreatedAt, mayMerge)).ToList();
    }

    public async Task<IReadOnlyList<IntakeAnswer>> KnowledgeAsync(ClaimsPrincipal user, string? words, string? subjectCode, CancellationToken cancellationToken)
    {
        if (!KnowledgeApi.ReaderRoles.Any(user.IsInRole))
            return [];
        if (words is { Length: > KnowledgeApi.MaxQueryLength })
            words = words[..KnowledgeApi.MaxQueryLength];
        await using var scope = scopes.CreateAsyncScope();
        var hits = await KnowledgeApi.FindAsync(words, subjectCode, 5, scope.ServiceProvider.GetRequiredService<KnowledgeBase>(), [], cancellationToken);
        return hits.Select(h => new IntakeAnswer(h.Id, h.Title, h.Question, h.Answer)).ToList();
    }

    public async Task<IntakeSaved> SaveAsync(ClaimsPrincipal user, IntakeForm form, string idempotencyKey, IntakeDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(decision);
        if (!MayUse(user))
            return new IntakeSaved(null, new Dictionary<string, string[]>(), Texts.T("intakeNotAllowed"));
        var request = new CaseIntakeRequest(form.Channel, form.Content, form.Type, Blank(form.SubjectCode), Blank(form.CitizenName), Blank(form.CitizenPhone),
            Blank(form.Address), Blank(form.DistrictCode), Blank(form.Urgency), Blank(form.KnowledgeArticleId));
        CaseIntakeResult result;
        await using (var scope = scopes.CreateAsyncScope())
            result = await scope.ServiceProvider.GetRequiredService<CaseIntake>().StartAsync(request, CasesApi.IntakeCallerOf(user), idempotencyKey, cancellationToken);
        if (result.Outcome == CaseIntakeOutcome.Invalid)
            return new IntakeSaved(null, result.Errors);
        if (result.Outcome == CaseIntakeOutcome.KeyReused)
            return new IntakeSaved(null, result.Errors, Texts.T("intakeKeyReused"));
        var saved = result.Case!;
        var problem = decision.CaseNumber is not { Length: > 0 } target ? null : decision.Choice switch
        {
            IntakeChoice.Link => await LinkAsync(user, saved.Id, target, cancellationToken),
            IntakeChoice.Merge => await MergeAsync(user, saved, target, cancellationToken),
            _ => null,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var status = await db.Cases.AsNoTracking().Where(c => c.Id == saved.Id).Select(c => c.Status).FirstAsync(cancellationToken);
        return new IntakeSaved(saved.Number, result.Errors, problem, status);
    }

    /// <summary>
    /// 关联: links the new case and <paramref name="target"/> (a case the person may see) as duplicates, by the person;
    /// null when linked. The lifecycle's duplicate check may have linked them already (then nothing changes).
    /// </summary>
    private async Task<string?> LinkAsync(ClaimsPrincipal user, Guid caseId, string target, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await CaseVisibility.FindAsync(db, user, target, cancellationToken) is not { } other)
                return Texts.T("intakeNoSuchCase");
            var cases = await db.Cases.Where(c => c.Id == caseId || c.Id == other.Id).ToListAsync(cancellationToken);
            cases.Single(c => c.Id == caseId).LinkDuplicate(cases.Single(c => c.Id == other.Id), CaseActor.User(Caller.Name(user), Caller.DisplayName(user)), clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return null;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // The case's lifecycle saved it meanwhile: read it again.
            }
        }
    }

    /// <summary>并案 of the new case into <paramref name="target"/> (a case the person may see), for the desk roles; null when merged.</summary>
    private async Task<string?> MergeAsync(ClaimsPrincipal user, Case saved, string target, CancellationToken cancellationToken)
    {
        if (!CaseOperationCalls.DeskRoles.Any(user.IsInRole))
            return Texts.T("intakeMergeNotAllowed");
        Case? into;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
            into = await CaseVisibility.FindAsync(db, user, target, cancellationToken);
        if (into is null)
            return Texts.T("intakeNoSuchCase");
        // A repeated save (the same key) finds the case merged already.
        if (saved.MergedIntoCaseId == into.Id)
            return null;
        await using var scope = scopes.CreateAsyncScope();
        var merged = await scope.ServiceProvider.GetRequiredService<CaseOperations>()
            .MergeAsync(saved.Id, into.Id, MergeReason, new OperationActor(Caller.Name(user), Caller.DisplayName(user)), cancellationToken);
        return merged.Status == CaseOperationStatus.Done ? null : merged.Message;
    }

    public async Task<IReadOnlyList<IntakeToday>> TodayAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!MayUse(user))
            return [];
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), caseOptions.Value.ResolveTimeZone()).DateTime);
        var (start, end) = await CasesApi.DayRangeAsync(calendars, today, today, cancellationToken);
        var name = Caller.Name(user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cases = await CaseVisibility.Filter(db, user, db.Cases.AsNoTracking())
            .Where(c => c.SubmittedBy == name && c.CreatedAt >= start && c.CreatedAt < end)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(100).ToListAsync(cancellationToken);
        var names = await ReferenceNames.ReadAsync(db, cases.Select(c => c.SubjectCode), [], [], cancellationToken);
        return cases.Select(c => new IntakeToday(c.Number, c.Status, c.Type, names.Subject(c.SubjectCode), c.CreatedAt)).ToList();
    }

    private static string? District(ClaimsPrincipal user, IntakeForm form) => Blank(form.DistrictCode) ?? Caller.DistrictCode(user);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
