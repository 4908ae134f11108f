using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Hotline.Host.Tests.Elsa;

/// <summary>What the Studio does with answers: reads JSON, finds descriptors, draws ports (as Elsa Studio 3.8.2 does).</summary>
internal static class ElsaStudio
{
    public const string Api = "/elsa/api";

    public static async Task<JsonObject> GetObjectAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(Api + path);
        return await ObjectAsync(response);
    }

    public static async Task<JsonObject> PostObjectAsync(HttpClient client, string path, JsonNode? body)
    {
        using var response = await PostAsync(client, path, body);
        return await ObjectAsync(response);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, JsonNode? body) =>
        client.PostAsync(Api + path, new StringContent(body?.ToJsonString() ?? "", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));

    public static async Task<JsonObject> ObjectAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Descriptors by (type, version), the key of the Studio's activity registry.</summary>
    public static async Task<Dictionary<(string Type, int Version), JsonObject>> DescriptorsAsync(HttpClient client)
    {
        var items = (await GetObjectAsync(client, "/descriptors/activities?Refresh=True"))["items"]!.AsArray();
        return items.Select(i => i!.AsObject()).ToDictionary(i => (i["typeName"]!.GetValue<string>(), i["version"]!.GetValue<int>()));
    }

    /// <summary>
    /// The outbound ports the Studio draws on a node: FlowSwitch's case labels plus Default; the values of a
    /// <c>dynamic-outcomes</c> input (a JSON array in an Object expression); otherwise the descriptor's Flow ports; and
    /// <c>Done</c> when that leaves none on a non-terminal activity (ActivityMapper, the port providers).
    /// </summary>
    public static List<string> OutPorts(JsonObject descriptor, JsonObject activity)
    {
        List<string> ports;
        var dynamicInput = descriptor["inputs"]!.AsArray().FirstOrDefault(i => i!["uiHint"]!.GetValue<string>() == "dynamic-outcomes");
        if (descriptor["typeName"]!.GetValue<string>() == "Elsa.FlowSwitch")
        {
            ports = (activity["cases"] as JsonArray ?? []).Select(c => c!["label"]!.GetValue<string>()).ToList();
            if (!ports.Contains("Default"))
                ports.Add("Default");
        }
        else if (dynamicInput is not null)
        {
            var name = dynamicInput["name"]!.GetValue<string>();
            var value = activity[char.ToLowerInvariant(name[0]) + name[1..]]?["expression"]?["value"]?.GetValue<string>() ?? "[]";
            ports = JsonNode.Parse(value)!.AsArray().Select(v => v!.GetValue<string>()).ToList();
        }
        else
        {
            ports = descriptor["ports"]!.AsArray().Where(p => p!["type"]!.GetValue<string>() == "Flow").Select(p => p!["name"]!.GetValue<string>()).ToList();
        }

        if (ports.Count == 0 && descriptor["isTerminal"]?.GetValue<bool>() != true)
            ports.Add("Done");
        return ports;
    }

    /// <summary>Every activity of a root (flowchart children and fork branches), root included.</summary>
    public static IEnumerable<JsonObject> Activities(JsonObject root)
    {
        yield return root;
        foreach (var container in new[] { "activities", "branches" })
            foreach (var child in root[container] as JsonArray ?? [])
                if (child is JsonObject activity)
                    foreach (var descendant in Activities(activity))
                        yield return descendant;
    }

    /// <summary>
    /// Asserts names are camelCase, as the client's case-sensitive serializer needs, outside the free-form dictionaries
    /// (custom properties, payloads, state) whose keys are data.
    /// </summary>
    public static void AssertCamelCase(JsonNode? node, string path = "$")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    Assert.True(key.Length > 0 && !char.IsUpper(key[0]), $"{path}.{key} is not camelCase.");
                    if (key is not ("customProperties" or "constructionProperties" or "properties" or "payload" or "input" or "output" or "outputs"
                        or "activityState" or "metadata" or "errors" or "value" or "memory" or "scope"))
                        AssertCamelCase(value, $"{path}.{key}");
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    AssertCamelCase(array[i], $"{path}[{i}]");
                break;
        }
    }
}
