using System.Net;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using static Hotline.Host.Tests.Elsa.StudioModels;

namespace Hotline.Host.Tests.Elsa;

/// <summary>
/// Publishing through the Studio's calls refuses a definition whose expressions would fault its instances, as Elsa
/// refuses one that does not validate: 400 with the problems in <c>errors</c> (which the Studio shows in its snackbar),
/// each naming the activity and the input; nothing is published and the published version stays published. Drafts with
/// such problems are still saved, as in Elsa, so the auto-save keeps the designer's work.
/// </summary>
public abstract class ElsaPublishValidationTests : IAsyncLifetime
{
    private PostgresDatabase? _postgres;
    private HotlineFactory _factory = null!;
    private HttpClient _admin = null!;

    protected abstract bool OnPostgreSql { get; }

    public async Task InitializeAsync()
    {
        _postgres = OnPostgreSql ? await PostgresDatabase.CreateMigratedAsync() : null;
        _factory = new HotlineFactory(_postgres?.ConnectionString);
        _admin = await _factory.SignInAsync("admin", HotlineFactory.AdminPassword);
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }

    private async Task<JsonObject> PublishedGreetingAsync()
    {
        var created = (await SaveAsync(_admin, Create("Greeting")["model"]!.AsObject(), publish: false))["workflowDefinition"]!.AsObject();
        return (await SaveAsync(_admin, WithActivities(created, ("hello", "Elsa.WriteLine")), publish: true))["workflowDefinition"]!.AsObject();
    }

    private static JsonObject WithDecision(JsonObject definition, string condition)
    {
        var model = WithActivities(definition, ("hello", "Elsa.WriteLine"));
        model["root"]!["activities"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "decide", ["type"] = "Elsa.FlowDecision", ["version"] = 1, ["name"] = "Urgent?",
            ["condition"] = new JsonObject { ["typeName"] = "Boolean", ["expression"] = new JsonObject { ["type"] = "JavaScript", ["value"] = condition } },
        });
        return model;
    }

    private static async Task<Dictionary<string, List<string>>> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        // The Studio flattens "errors" into its snackbar: the messages alone must say where the problem is.
        return problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => e.Value!.AsArray().Select(m => m!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Should_answer_400_naming_the_activity_and_input_and_keep_the_published_version_When_the_publish_button_sends_a_script_that_does_not_compile()
    {
        var published = await PublishedGreetingAsync();
        var definitionId = published["definitionId"]!.GetValue<string>();

        using var response = await ElsaStudio.PostAsync(_admin, "/workflow-definitions",
            new JsonObject { ["model"] = WithDecision(published, "getUrgency( == 'Urgent'"), ["publish"] = true });

        var errors = await ProblemAsync(response);
        var message = Assert.Single(Assert.Single(errors, e => e.Key == "activity:decide.condition").Value);
        Assert.Contains("activity 'Urgent?' (decide, Elsa.FlowDecision v1), input 'condition'", message, StringComparison.Ordinal);
        Assert.Contains("does not compile", message, StringComparison.Ordinal);
        Assert.Equal([(1, true, true)], Flags(await VersionsAsync(_admin, definitionId)));
        var live = await ElsaStudio.GetObjectAsync(_admin, $"/workflow-definitions/by-definition-id/{definitionId}?versionOptions=Published");
        Assert.DoesNotContain(live["root"]!["activities"]!.AsArray(), a => a!["id"]!.GetValue<string>() == "decide");
    }

    [Fact]
    public async Task Should_save_the_draft_but_refuse_the_list_publish_When_a_script_calls_an_accessor_of_no_variable()
    {
        var published = await PublishedGreetingAsync();
        var definitionId = published["definitionId"]!.GetValue<string>();
        await SaveAsync(_admin, WithDecision(published, "getUrgency() == 'Urgent'"), publish: false);

        using var response = await ElsaStudio.PostAsync(_admin, $"/workflow-definitions/{definitionId}/publish", new JsonObject());

        var message = Assert.Single(Assert.Single((await ProblemAsync(response)).Values));
        Assert.Contains("input 'condition'", message, StringComparison.Ordinal);
        Assert.Contains("getUrgency()", message, StringComparison.Ordinal);
        Assert.Equal([(1, false, true), (2, true, false)], Flags(await VersionsAsync(_admin, definitionId)));
    }
}

/// <summary>The publish-validation scenarios on SQLite.</summary>
public sealed class SqliteElsaPublishValidationTests : ElsaPublishValidationTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>The publish-validation scenarios on PostgreSQL (<c>HOTLINE_TEST_PG</c>).</summary>
public sealed class PostgreSqlElsaPublishValidationTests : ElsaPublishValidationTests
{
    protected override bool OnPostgreSql => true;
}
