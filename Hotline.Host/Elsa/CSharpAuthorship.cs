using System.Security.Claims;
using System.Text.Json.Nodes;
using Hotline.Domain.Users;
using Hotline.Workflows.CSharp;

namespace Hotline.Host.Elsa;

/// <summary>
/// C# runs arbitrary code in the host's process (Roslyn scripting is no sandbox), so only administrators may store a
/// definition that uses it: save a draft, publish, import, revert to such a version, or test-run one of its activities.
/// The Elsa API is administrators-only already; this is the second wall, in the handlers that store or run a
/// definition, so that opening the designer to another role never opens C# to it.
/// </summary>
internal static class CSharpAuthorship
{
    /// <summary>
    /// The activities (<c>name (id)</c>) of a definition or activity tree that run C#: Elsa.RunCSharp, or any expression
    /// of syntax <c>CSharp</c>, wherever it sits (inputs, switch cases, nested bodies, containers of any shape).
    /// </summary>
    public static List<string> Find(JsonNode? tree)
    {
        var found = new List<string>();
        Walk(tree, null, found);
        return found;
    }

    /// <summary>A 403 problem naming the C# activities when <paramref name="user"/> is not an administrator; else null.</summary>
    public static IResult? Refuse(ClaimsPrincipal user, JsonNode? tree)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsInRole(HotlineRoles.Administrator) || Find(tree) is not { Count: > 0 } activities)
            return null;
        return Results.ValidationProblem(
            activities.ToDictionary(a => "activity:" + a, a => new[] { $"Activity {a} runs C#, which runs with the host's rights: only an administrator may store, publish or test it." }),
            statusCode: StatusCodes.Status403Forbidden,
            title: "C# needs an administrator.",
            detail: $"The definition uses C# in {string.Join(", ", activities)}.");
    }

    private static void Walk(JsonNode? node, string? activity, List<string> found)
    {
        switch (node)
        {
            case JsonObject json:
                var type = json["type"] is JsonValue t && t.TryGetValue<string>(out var text) ? text : null;
                // An activity has an id and a type; an expression has a type and a value.
                if (type is not null && json["id"] is JsonValue id && id.TryGetValue<string>(out var activityId))
                {
                    activity = json["name"] is JsonValue n && n.TryGetValue<string>(out var name) && name != activityId ? $"'{name}' ({activityId})" : $"'{activityId}'";
                    if (CSharpExpressions.ActivityTypes.Contains(type))
                        Add(found, activity);
                }
                else if (string.Equals(type, CSharpSyntax.SyntaxName, StringComparison.OrdinalIgnoreCase))
                {
                    Add(found, activity ?? "'(workflow)'");
                }

                foreach (var (_, child) in json)
                    Walk(child, activity, found);
                break;
            case JsonArray array:
                foreach (var child in array)
                    Walk(child, activity, found);
                break;
        }
    }

    private static void Add(List<string> found, string activity)
    {
        if (!found.Contains(activity))
            found.Add(activity);
    }
}
