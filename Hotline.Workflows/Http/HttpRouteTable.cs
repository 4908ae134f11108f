using Hotline.Workflows.Activities.Http;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;

namespace Hotline.Workflows.Http;

/// <summary>
/// Reads the HttpEndpoints of stored definition versions: their paths and methods evaluated as Elsa indexes its triggers
/// (in an empty scope, so a script may compute a path from constants but not from an instance's variables).
/// </summary>
internal static class HttpRouteTable
{
    /// <summary>Every HttpEndpoint of every stored version that compiles; triggers only in published ones.</summary>
    public static async Task<List<HttpRoute>> BuildAsync(WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        var routes = new List<HttpRoute>();
        foreach (var version in await runtime.Definitions.ListAllVersionsAsync(cancellationToken))
        {
            if (!Mentions(version))
                continue;
            WorkflowBlueprint blueprint;
            try
            {
                blueprint = version.IsPublished ? await runtime.GetBlueprintAsync(version, cancellationToken) : await runtime.CompileAsync(version, cancellationToken);
            }
            catch (Exception e) when (e is WorkflowDefinitionException or InvalidOperationException)
            {
                continue; // An old version that no longer compiles has no instance that could be waiting on it here.
            }

            routes.AddRange(RoutesOf(blueprint, runtime.Services));
        }

        return routes;
    }

    /// <summary>The routes of one compiled version (its own endpoints, not those of workflows it uses as activities).</summary>
    public static IEnumerable<HttpRoute> RoutesOf(WorkflowBlueprint blueprint, EngineServices services)
    {
        foreach (var node in blueprint.Nodes.Values)
        {
            if (node.Activity is not HttpEndpoint endpoint || InsideAnotherWorkflow(node))
                continue;
            var context = EvaluationContext(blueprint, node, services);
            string path;
            List<string> methods;
            bool authorize;
            string? policy;
            try
            {
                path = context.Get(endpoint.Path) ?? "";
                methods = context.Get(endpoint.SupportedMethods) ?? ["GET"];
                authorize = context.Get(endpoint.Authorize);
                policy = context.Get(endpoint.Policy);
            }
            catch (ExpressionEvaluationException)
            {
                continue; // A path computed from an instance's state: only its bookmark (exact path) can be reached.
            }

            var template = new HttpRouteTemplate(path);
            foreach (var method in methods.Select(m => m.ToUpperInvariant()).Distinct())
                yield return new HttpRoute(template, method, blueprint.Definition.DefinitionId, blueprint.Definition.Id, node.Id,
                    blueprint.Definition.IsPublished && node.CanStartWorkflow, authorize, string.IsNullOrWhiteSpace(policy) ? null : policy);
        }
    }

    private static bool Mentions(WorkflowDefinition version) => version.Document.ToJsonString().Contains(HttpEndpoint.BookmarkName, StringComparison.Ordinal);

    private static bool InsideAnotherWorkflow(ActivityNode node)
    {
        for (var parent = node.Parent; parent?.Parent is not null; parent = parent.Parent)
            if (parent.Activity is IScopeBoundary)
                return true;
        return false;
    }

    private static ActivityExecutionContext EvaluationContext(WorkflowBlueprint blueprint, ActivityNode node, EngineServices services)
    {
        var workflow = new WorkflowExecutionContext(blueprint, "http-routes", services);
        var root = workflow.CreateContext(blueprint.Root, null);
        root.Scope = new WorkflowScope(blueprint.Root.Scope!, null);
        return ReferenceEquals(node, blueprint.Root) ? root : workflow.CreateContext(node, root);
    }
}
