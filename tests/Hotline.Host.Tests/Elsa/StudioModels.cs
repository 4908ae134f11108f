using System.Text.Json.Nodes;

namespace Hotline.Host.Tests.Elsa;

/// <summary>The definition models the Studio posts, and the version flags the definition list shows.</summary>
internal static class StudioModels
{
    // What the Studio posts on "Create workflow" (req-fake-create.jsonl): no ids, nulls for the collections, a bare root.
    public static JsonObject Create(string name) => JsonNode.Parse($$"""
        {"model":{"definitionId":null,"name":"{{name}}","description":null,"toolVersion":"3.8.0.0","variables":null,"inputs":null,"outputs":null,"outcomes":null,
          "customProperties":null,"isReadonly":false,"options":null,"root":{"id":"8e0ae0b8473d819a","type":"Elsa.Flowchart","version":1,"name":"Flowchart1"},
          "links":null,"createdAt":"0001-01-01T00:00:00+00:00","version":1,"isLatest":true,"isPublished":false,"id":null},"publish":null}
        """)!.AsObject();

    /// <summary>The definition with its root's activities replaced by WriteLines (text = id) chained through Done.</summary>
    public static JsonObject WithActivities(JsonObject definition, params (string Id, string Type)[] activities)
    {
        var model = (JsonObject)definition.DeepClone();
        model.Remove("links");
        var root = model["root"]!.AsObject();
        root["activities"] = new JsonArray(activities.Select(a => (JsonNode?)new JsonObject
        {
            ["id"] = a.Id, ["type"] = a.Type, ["version"] = 1, ["name"] = a.Id,
            ["text"] = new JsonObject { ["typeName"] = "String", ["expression"] = new JsonObject { ["type"] = "Literal", ["value"] = a.Id } },
            ["customProperties"] = new JsonObject(), ["metadata"] = new JsonObject { ["designer"] = new JsonObject { ["position"] = new JsonObject { ["x"] = 0, ["y"] = 0 } } },
        }).ToArray());
        root["connections"] = new JsonArray(activities.Zip(activities.Skip(1)).Select(p => (JsonNode?)JsonNode.Parse(
            $$"""{"source":{"activity":"{{p.First.Id}}","port":"Done"},"target":{"activity":"{{p.Second.Id}}","port":"In"},"vertices":[]}""")).ToArray());
        return model;
    }

    /// <summary>Saves (the auto-save) or publishes (the Publish button) a model.</summary>
    public static Task<JsonObject> SaveAsync(HttpClient client, JsonObject model, bool publish) =>
        ElsaStudio.PostObjectAsync(client, "/workflow-definitions", new JsonObject { ["model"] = model.DeepClone(), ["publish"] = publish });

    /// <summary>Every version of a definition, oldest first, as the version-history tab lists them.</summary>
    public static async Task<List<JsonObject>> VersionsAsync(HttpClient client, string definitionId) =>
        (await ElsaStudio.GetObjectAsync(client, $"/workflow-definitions?versionOptions=AllVersions&DefinitionIds={definitionId}&Page=0&PageSize=50&OrderBy=Version&OrderDirection=Ascending"))["items"]!
            .AsArray().Select(i => i!.AsObject()).ToList();

    /// <summary>(version, isLatest, isPublished) of each version.</summary>
    public static (int Version, bool IsLatest, bool IsPublished)[] Flags(List<JsonObject> versions) =>
        versions.Select(v => (v["version"]!.GetValue<int>(), v["isLatest"]!.GetValue<bool>(), v["isPublished"]!.GetValue<bool>())).ToArray();
}
