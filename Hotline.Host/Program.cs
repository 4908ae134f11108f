using Hotline.Host.Api;
using Hotline.Host.Api.OpenApi;
using Hotline.Domain.Calendar;
using Hotline.Host.Cli;
using Hotline.Host.Elsa;
using Hotline.Host.Designer;
using Hotline.Domain.Persistence;
using Hotline.Host.Security;
using Hotline.Host.Notices;
using Hotline.Host.Operations.Health;
using Hotline.Host.Operations;
using Hotline.Host.Operations.Proxy;
using Hotline.Host.Workflows;
using Hotline.Host.Workbench;
using Hotline.Host.Telemetry;

if (await CommandLine.TryRunAsync(args, Console.Out, Console.Error) is { } exitCode)
    return exitCode;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<TransientFailureHandler>();
builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    // Chinese as itself, while < > & ' stay escaped so that no answer can be read as HTML.
    o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
});
builder.Services.AddHotlineOpenApi();
builder.Services.AddHotlinePersistence(builder.Configuration);
builder.Services.AddHotlineCases(builder.Configuration);
builder.Services.AddHotlineWorkflows();
builder.Services.AddHotlineHttpWorkflows(builder.Configuration);
builder.Services.AddHotlineScheduling(builder.Configuration);
builder.Services.AddHotlineNoticeDelivery(builder.Configuration);
builder.Services.AddHotlineSecurity(builder.Configuration);
builder.Services.AddHotlineElsaApi(builder.Configuration);
builder.Services.AddHotlineIndicators();
builder.Services.AddHotlineDesigner(builder.Configuration);
builder.Services.AddHotlineWorkbenchHost(builder.Configuration);
builder.Services.AddHotlineOperations(builder.Configuration);
// The workbench's files (Blazor, Ant Design) from their packages when run from a build in any environment; a published host has them in wwwroot.
builder.WebHost.UseStaticWebAssets();

var app = builder.Build();
await app.Services.MigrateHotlineDatabaseAsync();
app.UseHotlineProxy();
app.UseSecurityHeaders();
app.UseExceptionHandler();
app.UseNulCharacterGuard();
app.UseStatusCodePages();
app.UseCors();
app.UseAuthentication();
app.UseAuthorization();
app.UseWorkbench();
app.MapOpenApi();
app.MapHotlineHealth();
app.MapApiReference();
app.MapAuthApi();
app.MapAdminUsersApi().MapAdminAuditApi().MapAdminNoticeTemplatesApi();
app.MapCasesApi().MapCaseOperationsApi().MapCaseInstructionsApi().MapCaseAttachmentsApi();
app.MapDuplicateCandidatesApi().MapKnowledgeApi().MapRoutingApi();
app.MapAdminUnitsApi().MapUnitTaskReassignmentApi().MapAdminSubjectsApi().MapAdminRoutingRulesApi().MapAdminKnowledgeApi();
app.MapInboxApi();
app.MapWorkflowsApi();
app.MapHttpWorkflows();
app.MapCalendarApi();
app.MapElsaApi();
app.MapIndicatorsApi();
app.MapOpen311Api();
app.MapReferenceApi();
app.MapDesigner();
app.MapWorkbench();
app.MapHotlineTelemetry();
await app.RunAsync();
return 0;

/// <summary>Entry point, public so that tests can host it with WebApplicationFactory.</summary>
public partial class Program;
