using System.Text;
using Hotline.Host.Designer;
using Hotline.Workflows.Expressions;
using Hotline.Workflows.Persistence;

namespace Hotline.Host.Elsa;

/// <summary>
/// The descriptor lists the editor loads when it opens (CONTRACT §4.1, §6): activities, expression syntaxes, variable
/// types, storage drivers and the strategy lists (required just to open the editor), plus the feature catalogue.
/// </summary>
internal static class ElsaDescriptorsApi
{
    // Elsa's type names, so definitions exported by Elsa keep their settings; the engine behaves as the named strategy.
    private static readonly StrategyDescriptorModel[] ActivationStrategies =
        [new("Elsa.Workflows.Runtime.ActivationStrategies.AllowAlwaysStrategy, Elsa.Workflows.Runtime", "Always", "Always allow the creation of a new workflow instance.")];

    private static readonly StrategyDescriptorModel[] IncidentStrategies =
        [new("Elsa.Workflows.IncidentStrategies.FaultStrategy, Elsa.Workflows.Core", "Fault", "An activity that throws faults the workflow; the incident is recorded on the instance.")];

    private static readonly StrategyDescriptorModel[] LogPersistenceStrategies =
    [
        new("Elsa.Workflows.LogPersistence.Strategies.Inherit, Elsa.Workflows.Core", "Inherit", "Inherit the persistence mode of the parent."),
        new("Elsa.Workflows.LogPersistence.Strategies.Include, Elsa.Workflows.Core", "Include", "Record the activity's inputs and outputs in the journal."),
    ];

    private static readonly StorageDriverModel[] StorageDrivers =
    [
        new("Elsa.Workflows.WorkflowInstanceStorageDriver, Elsa.Workflows.Core", "Workflow Instance", 100, false),
        new("Elsa.Workflows.MemoryStorageDriver, Elsa.Workflows.Core", "Memory", -1, false),
    ];

    private static readonly (string Alias, string Category)[] VariableTypes =
    [
        ("String", "Primitives"), ("Boolean", "Primitives"), ("Int32", "Primitives"), ("Int64", "Primitives"), ("Int16", "Primitives"),
        ("Double", "Primitives"), ("Single", "Primitives"), ("Decimal", "Primitives"), ("Guid", "Primitives"),
        ("DateTime", "Dates"), ("DateTimeOffset", "Dates"), ("DateOnly", "Dates"), ("TimeSpan", "Dates"),
        ("Object", "Dynamic"), ("JsonObject", "Dynamic"), ("JsonNode", "Dynamic"), ("List<String>", "Lists"),
    ];

    /// <summary>Maps the descriptor endpoints.</summary>
    public static void MapElsaDescriptors(this RouteGroupBuilder api)
    {
        api.MapGet("/descriptors/activities", async (HttpContext http, ActivityDescriptorCache cache, CancellationToken cancellationToken) =>
        {
            var answer = await cache.GetAsync(StudioLanguage.Of(http.Request), cancellationToken);
            http.Response.Headers.Vary = "Cookie, Accept-Language";
            // Kept by the browser, asked about before each use (the Studio asks on every editor it opens).
            http.Response.Headers.CacheControl = "private, no-cache";
            // The file result answers 304 Not Modified itself when If-None-Match names the tag.
            return Results.Bytes(answer.Json, "application/json; charset=utf-8", entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue(answer.ETag));
        });
        // Asked only for inputs whose uiSpecifications say Refresh; none do, and the Studio swallows errors here.
        api.MapPost("/descriptors/activities/{activityTypeName}/options/{propertyName}", () => ElsaWire.Json(new { items = new Dictionary<string, object>() }));
        api.MapGet("/descriptors/expression-descriptors", () =>
        {
            var items = ExpressionDescriptors();
            return ElsaWire.Json(new ListResponse<ExpressionDescriptorModel>(items, items.Count));
        });
        api.MapGet("/descriptors/variables", () => ElsaWire.Json(new ItemsResponse<VariableTypeModel>(
            VariableTypes.Where(t => ValueConverter.IsKnownAlias(t.Alias)).Select(t => new VariableTypeModel(t.Alias, t.Alias, t.Category, null)).ToList())));
        api.MapGet("/descriptors/storage-drivers", () => ElsaWire.Json(new ItemsResponse<StorageDriverModel>(StorageDrivers)));
        api.MapGet("/descriptors/output-converters", () => ElsaWire.Json(new ItemsResponse<object>([])));
        api.MapGet("/descriptors/workflow-activation-strategies", () => ElsaWire.Json(new ListResponse<StrategyDescriptorModel>(ActivationStrategies, ActivationStrategies.Length)));
        api.MapGet("/descriptors/incident-strategies", () => ElsaWire.Json(new ListResponse<StrategyDescriptorModel>(IncidentStrategies, IncidentStrategies.Length)));
        api.MapGet("/descriptors/log-persistence-strategies", () => ElsaWire.Json(new ListResponse<StrategyDescriptorModel>(LogPersistenceStrategies, LogPersistenceStrategies.Length)));
        // The engine saves after every burst; there are no commit strategies to choose from.
        api.MapGet("/descriptors/commit-strategies/workflows", () => ElsaWire.Json(new ListResponse<CommitStrategyModel>([], 0)));
        api.MapGet("/descriptors/commit-strategies/activities", () => ElsaWire.Json(new ListResponse<CommitStrategyModel>([], 0)));
        // No optional feature is advertised: no SignalR (the viewer polls), no alterations, no resilience tabs (CONTRACT T11).
        api.MapGet("/features/installed", () => ElsaWire.Json(new ListResponse<FeatureModel>([], 0)));
        api.MapGet("/features/installed/{fullName}", (string fullName) => ElsaWire.NotFound($"Feature '{fullName}' is not installed."));
        api.MapGet("/package/version", () => ElsaWire.Json(new { packageVersion = "3.8.2" }));
        api.MapPost("/scripting/javascript/type-definitions/{definitionId}", TypeDefinitionsAsync);
    }

    /// <summary>The syntaxes the engine evaluates; Literal and Object are dropped by the Studio and replaced by its "Default".</summary>
    public static IReadOnlyList<ExpressionDescriptorModel> ExpressionDescriptors()
    {
        var none = new Dictionary<string, string>();
        var all = new List<ExpressionDescriptorModel>
        {
            new("Literal", "Literal", true, false, none),
            new("Object", "Object", true, false, new Dictionary<string, string> { ["MonacoLanguage"] = "json" }),
            new("Json", "Json", true, false, new Dictionary<string, string> { ["MonacoLanguage"] = "json" }),
            new("JavaScript", "JavaScript", true, true, new Dictionary<string, string> { ["MonacoLanguage"] = "javascript" }),
            new("CSharp", "C#", true, true, new Dictionary<string, string> { ["MonacoLanguage"] = "csharp" }),
            new("Variable", "Variable", true, true, none),
            new("Input", "Input", true, true, none),
        };
        return all.Where(d => ExpressionEvaluator.IsSupported(d.Type)).ToList();
    }

    // Declarations for the JavaScript editor: the getters the engine's scripts offer for variables and inputs.
    private static async Task<IResult> TypeDefinitionsAsync(string definitionId, Hotline.Workflows.Runtime.WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var definition = await runtime.Definitions.FindLatestAsync(definitionId, cancellationToken);
        var text = new StringBuilder("""
            declare function getVariable(name: string): any;
            declare function setVariable(name: string, value: any): void;
            declare function getInput(name: string): any;
            declare function getWorkflowInstanceId(): string;
            declare function getCorrelationId(): string | null;
            declare function setCorrelationId(id: string): void;
            declare function setOutcome(outcome: string): void;
            declare function setOutcomes(outcomes: string[]): void;
            declare function isNullOrEmpty(value: any): boolean;

            """);
        foreach (var name in (definition?.Variables.Select(v => v.Name) ?? []).Concat(definition?.Inputs.Select(i => i.Name) ?? []).Distinct(StringComparer.Ordinal))
        {
            if (name.Length > 0 && name.All(c => char.IsLetterOrDigit(c) || c == '_'))
                text.Append("declare function get").Append(name).Append("(): any;\n").Append("declare function set").Append(name).Append("(value: any): void;\n");
        }

        return Results.Text(text.ToString(), "application/x-typescript", Encoding.UTF8);
    }
}
