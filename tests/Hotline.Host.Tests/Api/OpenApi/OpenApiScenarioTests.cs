using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Tests.Lifecycle;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>
/// The OpenAPI document tells the truth about real traffic: a day of the hotline driven over HTTP (sign-in, accounts,
/// cases, the inbox round trip, escalations, calendar, indicators, refusals of every kind), with every response checked
/// against the document — its status declared for the operation, its body valid against the declared schema.
/// </summary>
public abstract class OpenApiScenarioTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Wizard = ["wizard"];
    private static readonly string[] LeaderRole = ["leader"];
    private static readonly string[] ComplaintAndReport = ["Complaint", "Report"];
    private static readonly string[] ComplaintOnly = ["Complaint"];
    private static readonly string[] XhAssists = ["ZJ-XH"];

    private LifecycleHost _host = null!;
    private ContractRecorder _recorder = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Monday, OnPostgreSql);
        await ApiCity.SeedAsync(_host.Contexts);
        _recorder = new ContractRecorder(await OpenApiContract.LoadAsync(_host.Factory.CreateClient()));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Should_answer_every_operation_as_the_document_declares_When_a_day_of_the_hotline_runs_over_HTTP()
    {
        var anonymous = Client();
        var integrator = Client(new AuthenticationHeaderValue("ApiKey", HotlineFactory.IntegratorKey));
        using (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong-password-1" })) { }
        using (await anonymous.PostAsync("/api/auth/token", new StringContent("userName=admin", Encoding.UTF8, "application/x-www-form-urlencoded"))) { }
        using (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "admin" })) { }
        var admin = await SignInAsync("admin", HotlineFactory.AdminPassword);
        await OkAsync(admin.GetAsync("/api/auth/me"));
        await OkAsync(integrator.GetAsync("/api/auth/me"));
        using (await anonymous.GetAsync("/api/auth/me")) { }

        // Accounts
        var unit = await CreateUserAsync(admin, "cg-li", "unit", "DH-CG");
        var dispatcher = await CreateUserAsync(admin, "pd-wang", "dispatcher");
        var agent = await CreateUserAsync(admin, "hf-zhao", "callback-agent");
        var supervisor = await CreateUserAsync(admin, "db-sun", "supervisor");
        var leader = await CreateUserAsync(admin, "ld-zhou", "leader");
        using (await admin.PostAsJsonAsync("/api/users", new { userName = "x", displayName = "x", password = "short", roles = Wizard })) { }
        using (await unit.PostAsJsonAsync("/api/users", new { userName = "y" })) { }
        await OkAsync(admin.GetAsync("/api/users"));
        using (await unit.GetAsync("/api/users")) { }

        // Cases: created, replayed, refused
        var created = await OkAsync(Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint(), "key-1"));
        var number = created["number"]!.GetValue<string>();
        await OkAsync(Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint(), "key-1"));
        // What an operator looks up while the citizen is on the line
        await OkAsync(dispatcher.GetAsync("/api/cases/duplicate-candidates?subjectCode=SR-ROAD&districtCode=990103&" + "address=" + Uri.EscapeDataString("东湖区新华路88号")));
        using (await dispatcher.GetAsync("/api/cases/duplicate-candidates?citizenPhone=13800138000")) { }
        using (await dispatcher.GetAsync("/api/cases/duplicate-candidates")) { }
        using (await unit.GetAsync("/api/cases/duplicate-candidates?citizenPhone=13800138000")) { }
        await OkAsync(dispatcher.GetAsync("/api/knowledge/search?q=" + Uri.EscapeDataString("占道经营")));
        using (await dispatcher.GetAsync("/api/knowledge/search?take=0")) { }
        using (await unit.GetAsync("/api/knowledge/search?q=x")) { }
        await OkAsync(dispatcher.GetAsync("/api/admin/routing/simulate?subjectCode=SR-ROAD&districtCode=990103"));
        using (await dispatcher.GetAsync("/api/admin/routing/simulate?subjectCode=SR-NOPE")) { }
        using (await unit.GetAsync("/api/admin/routing/simulate?subjectCode=SR-ROAD")) { }
        await OkAsync(admin.GetAsync("/api/cases?phone=13800138000"));
        using (await unit.GetAsync("/api/cases?phone=13800138000")) { }
        using (await Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint("另一件事"), "key-1")) { }
        await OkAsync(Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint("路灯不亮"), null));
        using (await integrator.PostAsync("/api/cases", new StringContent("""{"channel":"Fax","content":"x","type":"Complaint","colour":1}""", Encoding.UTF8, "application/json"))) { }
        using (await integrator.PostAsync("/api/cases", JsonContent.Create(new { channel = "Web", type = "Complaint", content = new string('长', 70_000) }))) { }
        using (await integrator.PostAsync("/api/cases", new StringContent("<case/>", Encoding.UTF8, "text/xml"))) { }
        using (await unit.PostAsJsonAsync("/api/cases", ApiCity.Complaint())) { }
        using (await anonymous.PostAsJsonAsync("/api/cases", ApiCity.Complaint())) { }
        await OkAsync(admin.GetAsync("/api/cases?status=Dispatched&type=Complaint&from=2026-03-01&to=2026-03-31&overdue=false&page=1&pageSize=5"));
        await OkAsync(integrator.GetAsync("/api/cases"));
        using (await admin.GetAsync("/api/cases?status=Lost&pageSize=1000")) { }
        await OkAsync(admin.GetAsync($"/api/cases/{number}"));
        await OkAsync(admin.GetAsync($"/api/cases/{created["id"]}"));
        using (await admin.GetAsync("/api/cases/20990101-999999")) { }

        // Attachments: the dispatcher attaches a photo, the unit lists and downloads it; an executable, a stranger and a missing id refused
        var attachment = (await OkAsync(dispatcher.PostAsync($"/api/cases/{number}/attachments", Attachments.CaseAttachmentTests.Files("file", ("现场.png", Attachments.CaseAttachmentTests.Png())))))[0]!;
        using (await dispatcher.PostAsync($"/api/cases/{number}/attachments", Attachments.CaseAttachmentTests.Files("file", ("photo.jpg", "MZ"u8.ToArray())))) { }
        using (await dispatcher.PostAsync($"/api/cases/20990101-999999/attachments", Attachments.CaseAttachmentTests.Files("file", ("a.png", Attachments.CaseAttachmentTests.Png())))) { }
        await OkAsync(unit.GetAsync($"/api/cases/{number}/attachments"));
        using (await unit.GetAsync("/api/cases/20990101-999999/attachments")) { }
        using (var download = await unit.GetAsync(attachment["downloadUrl"]!.GetValue<string>()))
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        using (await unit.GetAsync($"/api/cases/{number}/attachments/{Guid.Empty}")) { }

        // The inbox round trip: sign for, answer, review, callback; and the refusals on the way
        var task = (await OkAsync(unit.GetAsync("/api/inbox?status=pending&sort=-createdAt")))["items"]!.AsArray()[0]!;
        var taskId = task["taskId"]!.GetValue<string>();
        await OkAsync(unit.GetAsync($"/api/inbox/{taskId}"));
        using (await unit.GetAsync("/api/inbox/no-such-task")) { }
        using (await unit.GetAsync("/api/inbox?unitCode=DH-ZJ&sort=sideways")) { }
        using (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/opinion", new { opinion = "同意" })) { }
        using (await dispatcher.PostAsJsonAsync($"/api/inbox/{taskId}/dispatch", new { unitCode = "DH-ZJ" })) { }
        await OkAsync(unit.PostAsync($"/api/inbox/{taskId}/claim", null));
        using (await unit.PostAsync($"/api/inbox/{taskId}/claim", null)) { }
        using (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/extension", new { days = -3 })) { }
        using (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = 42 })) { }
        using (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/sub-dispatch", new { unitCode = "NOPE" })) { }
        using (await unit.PostAsJsonAsync($"/api/inbox/{taskId}/return", new { })) { }
        await OkAsync(unit.PostAsJsonAsync($"/api/inbox/{taskId}/answer", new { answer = "已责令商户退回店内经营。" }));
        var review = (await OkAsync(dispatcher.GetAsync("/api/inbox")))["items"]!.AsArray()[0]!["taskId"]!.GetValue<string>();
        using (await dispatcher.PostAsJsonAsync($"/api/inbox/{review}/review", new { decision = "maybe" })) { }
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/inbox/{review}/review", new { decision = "approve" }));
        var call = (await OkAsync(agent.GetAsync("/api/inbox")))["items"]!.AsArray()[0]!["taskId"]!.GetValue<string>();
        using (await agent.PostAsJsonAsync($"/api/inbox/{call}/callback", new { result = "Thrilled" })) { }
        await OkAsync(agent.PostAsJsonAsync($"/api/inbox/{call}/callback", new { result = "Satisfied", resolved = true, note = "满意" }));
        await OkAsync(integrator.GetAsync($"/api/cases/{number}"));
        using (await leader.GetAsync("/api/inbox")) { }

        // Case operations: complex, reclassify, reassign, merge, void; and the refusals (400, 403, 404, 409)
        var other = (await OkAsync(Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint("商户又占道经营"), null)))["number"]!.GetValue<string>();
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/cases/{other}/complex", new { reason = "涉及多部门", workingDays = 12 }));
        using (await dispatcher.PostAsJsonAsync($"/api/cases/{other}/complex", new { reason = "x", workingDays = 40 })) { }
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/cases/{other}/reclassify", new { type = "Report", reason = "实为举报" }));
        using (await unit.PostAsJsonAsync($"/api/cases/{other}/reclassify", new { type = "Report", reason = "x" })) { }
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/cases/{other}/reassign", new { unitCode = "DH-ZJ", reason = "职责调整" }));
        await OkAsync(supervisor.PostAsJsonAsync($"/api/cases/{other}/instructions", new { text = "请加快办理并反馈" }));
        using (await supervisor.PostAsJsonAsync($"/api/cases/{other}/instructions", new { text = "" })) { }
        using (await supervisor.PostAsJsonAsync($"/api/cases/{number}/instructions", new { text = "已办结" })) { }
        using (await unit.PostAsJsonAsync($"/api/cases/{other}/instructions", new { text = "x" })) { }
        using (await dispatcher.PostAsJsonAsync($"/api/cases/{number}/reassign", new { unitCode = "DH-ZJ", reason = "已办结" })) { }
        var repeat = (await OkAsync(Send(integrator, HttpMethod.Post, "/api/cases", ApiCity.Complaint("商户占道，重复来电"), null)))["number"]!.GetValue<string>();
        using (await dispatcher.PostAsJsonAsync($"/api/cases/{repeat}/merge", new { intoCase = repeat, reason = "x" })) { }
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/cases/{repeat}/merge", new { intoCase = other, reason = "同一问题" }));
        await OkAsync(dispatcher.PostAsJsonAsync($"/api/cases/{other}/void", new { reason = "测试来电" }));
        using (await dispatcher.PostAsJsonAsync("/api/cases/20990101-999999/void", new { reason = "x" })) { }

        // Supervision and indicators
        await OkAsync(supervisor.GetAsync("/api/escalations?level=1&page=1&pageSize=10"));
        using (await supervisor.GetAsync("/api/escalations?level=7")) { }
        using (await unit.GetAsync("/api/escalations")) { }
        await OkAsync(leader.GetAsync("/api/indicators?from=2026-03-01&to=2026-04-01"));
        await OkAsync(leader.GetAsync("/api/indicators?from=2026-03-01&to=2026-04-01&unitCode=DH-CG"));
        using (await leader.GetAsync("/api/indicators?from=2026-04-01&to=2026-03-01")) { }
        await OkAsync(leader.GetAsync("/api/indicators/ranking?month=2026-03"));
        using (await leader.GetAsync("/api/indicators/ranking?month=March")) { }
        await OkAsync(leader.GetAsync("/api/reports/daily?date=2026-03-02"));
        using (await unit.GetAsync("/api/reports/daily?date=2026-03-02")) { }
        using (var daily = await leader.GetAsync("/api/reports/daily/export?date=2026-03-02"))
            Assert.Equal(HttpStatusCode.OK, daily.StatusCode);
        using (await leader.GetAsync("/api/reports/daily/export?date=2026-02-30")) { }
        using (await unit.GetAsync("/api/reports/daily/export?date=2026-03-02")) { }
        using (var period = await leader.GetAsync("/api/indicators/export?from=2026-03-01&to=2026-04-01&unitCode=DH-CG"))
            Assert.Equal(HttpStatusCode.OK, period.StatusCode);
        using (await leader.GetAsync("/api/indicators/export?from=2026-03-01")) { }

        // Calendar
        var year = new { source = "国务院办公厅通知", holidays = new[] { new { name = "元旦", from = "2027-01-01", to = "2027-01-01" } }, makeUpWorkingDays = Array.Empty<string>() };
        using (await admin.PutAsJsonAsync("/api/calendar/years/2027", year)) { }
        using (await admin.PutAsJsonAsync("/api/calendar/years/2028", new { source = "x", holidays = new[] { new { name = "元旦", from = "2028-13-01", to = "2028-01-01" } } })) { }
        using (await unit.PutAsJsonAsync("/api/calendar/years/2027", year)) { }
        await OkAsync(anonymous.GetAsync("/api/calendar/years"));
        using (await anonymous.GetAsync("/api/calendar/years/2027")) { }
        using (await anonymous.GetAsync("/api/calendar/years/1990")) { }
        await OkAsync(anonymous.GetAsync("/api/calendar/working-days?from=2026-03-01&to=2026-03-31"));
        using (await anonymous.GetAsync("/api/calendar/working-days?from=2026-03-31&to=2026-03-01")) { }
        await OkAsync(anonymous.GetAsync("/api/calendar/add-working-days?date=2026-03-02&days=10"));
        using (await anonymous.GetAsync("/api/calendar/add-working-days?date=2026-03-02&days=ten")) { }
        await OkAsync(anonymous.GetAsync("/api/calendar/warnings"));

        // Workflows: entry points, their administration, and refusals
        await OkAsync(integrator.GetAsync("/api/workflows"));
        await OkAsync(integrator.PostAsJsonAsync("/api/workflows/case-lifecycle/instances", new
        {
            input = new { Channel = "Web", Content = "路灯不亮", CaseType = "Complaint", SubjectCode = "SR-ROAD", DistrictCode = "990103" },
        }));
        using (await integrator.PostAsJsonAsync("/api/workflows/handle/instances", new { input = new { } })) { }
        using (await integrator.PostAsJsonAsync("/api/workflows/no-such-workflow/instances", new { input = new { } })) { }
        using (await integrator.PostAsync("/api/workflows/case-lifecycle/instances", new StringContent("[1,2]", Encoding.UTF8, "application/json"))) { }
        using (await unit.PostAsJsonAsync("/api/workflows/case-lifecycle/instances", new { })) { }
        await OkAsync(admin.GetAsync("/api/workflows/entry-points"));
        await OkAsync(admin.GetAsync("/api/workflows/entry-points/case-lifecycle"));
        using (await admin.GetAsync("/api/workflows/entry-points/reply")) { }
        await OkAsync(admin.PutAsJsonAsync("/api/workflows/entry-points/reply", new { intake = "Case" }));
        using (await admin.PutAsJsonAsync("/api/workflows/entry-points/reply", new { intake = "Workflow" })) { }
        using (await admin.PutAsJsonAsync("/api/workflows/entry-points/accept", new { intake = "Workflow" })) { }
        using (await integrator.PutAsJsonAsync("/api/workflows/entry-points/reply", new { intake = "Workflow" })) { }
        await OkAsync(admin.DeleteAsync("/api/workflows/entry-points/reply"));
        using (await admin.DeleteAsync("/api/workflows/entry-points/reply")) { }

        // Open311 GeoReport v2
        await OkAsync(anonymous.GetAsync("/open311/v2/services.json"));
        await OkAsync(anonymous.GetAsync("/open311/v2/services/SR-ROAD.json"));
        using (await anonymous.GetAsync("/open311/v2/services/SR-ROAD.xml")) { }
        using (await anonymous.GetAsync("/open311/v2/services/SR-NOPE.json")) { }
        using (await anonymous.GetAsync("/open311/v2/services.yaml")) { }
        var filed = await OkAsync(anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(Open311.Open311TestSupport.ValidFields().Select(f => KeyValuePair.Create(f.Name, f.Value)))));
        using (await anonymous.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent([KeyValuePair.Create("service_code", "SR-ROAD")]))) { }
        await OkAsync(anonymous.GetAsync("/open311/v2/requests.json?status=open&service_code=SR-ROAD"));
        using (await anonymous.GetAsync("/open311/v2/requests.json?start_date=yesterday")) { }
        await OkAsync(anonymous.GetAsync($"/open311/v2/requests/{filed[0]!["service_request_id"]}.json"));
        using (await anonymous.GetAsync($"/open311/v2/tokens/{created["id"]}.xml")) { }
        using (await anonymous.GetAsync("/open311/v2/tokens/abc.json")) { }

        // Administration: accounts, temporary passwords, the audit log
        await OkAsync(admin.GetAsync("/api/admin/users?role=unit&disabled=false&page=1&pageSize=5"));
        using (await admin.GetAsync("/api/admin/users?role=wizard")) { }
        using (await unit.GetAsync("/api/admin/users")) { }
        var leaderAccount = await OkAsync(admin.GetAsync("/api/admin/users/ld-zhou"));
        using (await admin.GetAsync("/api/admin/users/nobody")) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/users/ld-zhou", new { version = leaderAccount["version"]!.GetValue<int>(), displayName = "周领导", roles = LeaderRole, email = "zhou@donghu.example.gov.cn", mobile = "139-0000-0002" }));
        using (await admin.PutAsJsonAsync("/api/admin/users/ld-zhou", new { version = leaderAccount["version"]!.GetValue<int>(), displayName = "周", roles = LeaderRole })) { }
        using (await admin.PutAsJsonAsync("/api/admin/users/ld-zhou", new { displayName = "", roles = Wizard })) { }
        await OkAsync(admin.PostAsync("/api/admin/users/db-sun/disable", null));
        using (await admin.PostAsync("/api/admin/users/admin/disable", null)) { }
        await OkAsync(admin.PostAsync("/api/admin/users/db-sun/enable", null));
        using (await admin.PostAsync("/api/admin/users/nobody/enable", null)) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/users/db-sun/password", new { temporaryPassword = "temporary-pass-1" }));
        using (await admin.PostAsJsonAsync("/api/admin/users/db-sun/password", new { temporaryPassword = "short" })) { }
        using (await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "db-sun", password = "temporary-pass-1" })) { }
        using (await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "db-sun", currentPassword = "wrong-password-1", newPassword = "my-own-password-2" })) { }
        using (await anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "db-sun" })) { }
        await OkAsync(anonymous.PostAsJsonAsync("/api/auth/password", new { userName = "db-sun", currentPassword = "temporary-pass-1", newPassword = "my-own-password-2" }));
        await OkAsync(admin.GetAsync("/api/admin/audit?entityType=UserAccount&entityId=db-sun&actor=admin&from=2026-03-01&to=2026-03-31&page=1&pageSize=10"));
        using (await admin.GetAsync("/api/admin/audit?from=someday")) { }
        using (await unit.GetAsync("/api/admin/audit")) { }
        // Reference data: an administrator's dry run and export; a bad file; another role
        using (var form = Reference.ReferenceFiles.Form(("subjects.csv", Encoding.UTF8.GetBytes("code,name\nSR-NEW,新分类\n"))))
            await OkAsync(admin.PostAsync("/api/admin/reference/import?dryRun=true", form));
        using (var form = Reference.ReferenceFiles.Form(("units.xlsx", [1, 2, 3])))
            using (await admin.PostAsync("/api/admin/reference/import", form)) { }
        using (await admin.PostAsync("/api/admin/reference/import", new StringContent("{}", Encoding.UTF8, "application/json"))) { }
        using (var form = Reference.ReferenceFiles.Form(("subjects.csv", Encoding.UTF8.GetBytes("code,name\nSR-NEW,新分类\n"))))
            using (await integrator.PostAsync("/api/admin/reference/import", form)) { }
        using (var csv = await admin.GetAsync("/api/admin/reference/export/units?format=csv"))
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        using (var xlsx = await admin.GetAsync("/api/admin/reference/export/subjects"))
            Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        using (await admin.GetAsync("/api/admin/reference/export/people")) { }

        // Reference data edited one record at a time: units, subjects, the routing matrix, knowledge review
        await OkAsync(dispatcher.GetAsync("/api/admin/units?level=District&active=true&page=1&pageSize=5"));
        using (await admin.GetAsync("/api/admin/units?level=Planet")) { }
        using (await unit.GetAsync("/api/admin/units")) { }
        await OkAsync(admin.GetAsync("/api/admin/units/DH-CG"));
        using (await admin.GetAsync("/api/admin/units/NOPE")) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/units", new { code = "ZJ-XH", name = "新华街道", parentCode = "DH-ZJ", level = "Town", isOnDuty24h = true, responseLevel = "Priority" }));
        using (await admin.PostAsJsonAsync("/api/admin/units", new { code = "ZJ-XH", name = "新华街道", parentCode = "DH-ZJ", level = "Town" })) { }
        using (await admin.PostAsJsonAsync("/api/admin/units", new { code = "ZJ-XX", level = "Town" })) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/units/ZJ-XH", new { version = 1, name = "新华街道办事处", parentCode = "DH-ZJ", level = "Town", contactEmail = "xh@donghu.example.gov.cn" }));
        using (await admin.PutAsJsonAsync("/api/admin/units/DH-CG", new { version = 1, name = "东湖区城管局", level = "District", districtCode = "990103", active = false })) { }
        using (await admin.PostAsJsonAsync("/api/admin/units/ZJ-XH/reassign-tasks", new { toUnitCode = "ZJ-XH" })) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/units/ZJ-XH/reassign-tasks", new { toUnitCode = "DH-ZJ", reason = "撤并" }));
        using (await admin.PutAsJsonAsync("/api/admin/units/ZJ-XH", new { version = 1, name = "x", parentCode = "DH-ZJ", level = "Town" })) { }
        using (await admin.PutAsJsonAsync("/api/admin/units/NOPE", new { version = 1, name = "x", level = "District", districtCode = "990103" })) { }
        await OkAsync(dispatcher.GetAsync("/api/admin/subjects?parentCode=SR-ROAD&page=1&pageSize=5"));
        await OkAsync(admin.GetAsync("/api/admin/subjects/SR-ROAD"));
        using (await admin.GetAsync("/api/admin/subjects/NOPE")) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-ZDJY", name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintAndReport }));
        using (await admin.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-ZDJY", name = "占道经营", caseTypes = ComplaintOnly })) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY", new { version = 1, name = "占道经营", parentCode = "SR-ROAD", caseTypes = ComplaintOnly }));
        using (await admin.PutAsJsonAsync("/api/admin/subjects/SR-ROAD", new { version = 1, name = "占道", parentCode = "SR-ZDJY", caseTypes = ComplaintOnly })) { }
        using (await admin.PutAsJsonAsync("/api/admin/subjects/SR-ZDJY", new { version = 2, name = "", caseTypes = Array.Empty<string>() })) { }
        using (await unit.PostAsJsonAsync("/api/admin/subjects", new { code = "SR-X" })) { }
        await OkAsync(dispatcher.GetAsync("/api/admin/routing/rules?subjectCode=SR-ROAD&districtCode=990103&unitCode=DH-CG&page=1&pageSize=5"));
        await OkAsync(admin.GetAsync("/api/admin/routing/rules/R-ROAD"));
        using (await admin.GetAsync("/api/admin/routing/rules/NOPE")) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/routing/rules", new { id = "R-ZDJY", subjectCode = "SR-ZDJY", leadUnitCode = "DH-ZJ", assistingUnitCodes = XhAssists }));
        using (await admin.PostAsJsonAsync("/api/admin/routing/rules", new { id = "R-ZDJY-2", subjectCode = "SR-ZDJY", leadUnitCode = "DH-CG" })) { }
        using (await admin.PostAsJsonAsync("/api/admin/routing/rules", new { id = "R-X", subjectCode = "NOPE", leadUnitCode = "DH-ZJ" })) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/routing/rules/R-ZDJY", new { version = 1, subjectCode = "SR-ZDJY", districtCode = "990103", leadUnitCode = "DH-ZJ", priority = 5 }));
        using (await admin.PutAsJsonAsync("/api/admin/routing/rules/R-ZDJY", new { version = 1, subjectCode = "SR-ZDJY", leadUnitCode = "DH-ZJ" })) { }
        using (await admin.DeleteAsync("/api/admin/routing/rules/R-ZDJY")) { }
        using (await admin.DeleteAsync("/api/admin/routing/rules/NOPE?version=1")) { }
        await OkAsync(admin.DeleteAsync("/api/admin/routing/rules/R-ZDJY?version=2"));
        using (await unit.DeleteAsync("/api/admin/routing/rules/R-ROAD?version=1")) { }
        var article = new { id = "KB-9001", title = "占道经营怎么投诉", question = "门口有人摆摊怎么办？", answer = "可拨打12345反映。", subjectCode = "SR-ROAD", validFrom = "2026-03-01", validTo = "2026-12-31" };
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge", article));
        using (await admin.PostAsJsonAsync("/api/admin/knowledge", article)) { }
        using (await admin.PostAsJsonAsync("/api/admin/knowledge", new { id = "KB 2" })) { }
        await OkAsync(admin.GetAsync("/api/admin/knowledge?status=Draft&subjectCode=SR-ROAD&q=" + Uri.EscapeDataString("占道") + "&page=1&pageSize=5"));
        using (await dispatcher.GetAsync("/api/admin/knowledge")) { }
        await OkAsync(admin.GetAsync("/api/admin/knowledge/KB-9001"));
        using (await admin.GetAsync("/api/admin/knowledge/NOPE")) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/knowledge/KB-9001", new { version = 1, title = "占道摆摊怎么投诉", question = "门口有人摆摊怎么办？", answer = "可拨打12345反映。" }));
        using (await admin.PutAsJsonAsync("/api/admin/knowledge/KB-9001", new { version = 1, title = "x", question = "x", answer = "x" })) { }
        using (await admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/approve", new { version = 2 })) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/submit", new { version = 2 }));
        using (await admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/return", new { version = 3 })) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/return", new { version = 3, reason = "缺少办理地址" }));
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/submit", new { version = 4 }));
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/approve", new { version = 5 }));
        using (await admin.PutAsJsonAsync("/api/admin/knowledge/KB-9001", new { version = 6, title = "x", question = "x", answer = "x" })) { }
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/expire", new { version = 6 }));
        await OkAsync(admin.PostAsJsonAsync("/api/admin/knowledge/KB-9001/withdraw", new { version = 7 }));
        using (await admin.PostAsJsonAsync("/api/admin/knowledge/NOPE/expire", new { version = 1 })) { }

        // Notice templates
        await OkAsync(admin.GetAsync("/api/admin/notice-templates"));
        using (await dispatcher.GetAsync("/api/admin/notice-templates")) { }
        await OkAsync(admin.PutAsJsonAsync("/api/admin/notice-templates/Yellow", new { version = 1, subject = "黄牌：{工单号}", body = "工单{工单号}已亮黄牌。", email = false, sms = true }));
        using (await admin.PutAsJsonAsync("/api/admin/notice-templates/Yellow", new { version = 1, subject = "x", body = "x" })) { }
        using (await admin.PutAsJsonAsync("/api/admin/notice-templates/Yellow", new { version = 2, subject = "x", body = "{级别}" })) { }
        using (await admin.PutAsJsonAsync("/api/admin/notice-templates/Purple", new { version = 1, subject = "x", body = "x" })) { }
        using (await admin.DeleteAsync("/api/admin/notice-templates/Yellow")) { }
        using (await admin.DeleteAsync("/api/admin/notice-templates/Purple?version=1")) { }
        await OkAsync(admin.DeleteAsync("/api/admin/notice-templates/Yellow?version=2"));

        // Signing out ends the token
        await OkAsync(unit.PostAsync("/api/auth/logout", null));
        using (await unit.GetAsync("/api/auth/me")) { }

        Assert.True(_recorder.Violations.Count == 0, string.Join("\n", _recorder.Violations));
        var uncalled = _recorder.Contract.Operations.Select(o => o.Name).Where(n => !_recorder.OperationsCalled.Contains(n)).ToList();
        Assert.True(uncalled.Count == 0, "Not exercised: " + string.Join(", ", uncalled));
    }

    private HttpClient Client(AuthenticationHeaderValue? authorization = null) => _recorder.CreateClient(_host.Factory, authorization);

    private async Task<HttpClient> SignInAsync(string userName, string password)
    {
        var session = await OkAsync(Client().PostAsJsonAsync("/api/auth/token", new { userName, password }));
        return Client(new AuthenticationHeaderValue("Bearer", session["accessToken"]!.GetValue<string>()));
    }

    private async Task<HttpClient> CreateUserAsync(HttpClient admin, string userName, string role, string? unitCode = null)
    {
        await OkAsync(admin.PostAsJsonAsync("/api/users", new { userName, displayName = userName + " 测试", password = HotlineFactory.UserPassword, roles = new[] { role }, unitCode }));
        return await SignInAsync(userName, HotlineFactory.UserPassword);
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, object body, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (idempotencyKey is not null)
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }
}

public sealed class SqliteOpenApiScenarioTests : OpenApiScenarioTests
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlOpenApiScenarioTests : OpenApiScenarioTests
{
    protected override bool OnPostgreSql => true;
}
