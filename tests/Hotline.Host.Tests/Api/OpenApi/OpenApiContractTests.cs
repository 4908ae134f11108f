using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>The contract check finds what the document forbids, so a passing scenario or fuzz run means something.</summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private const string Task = """
        {"taskId":"t-1","caseId":null,"caseNumber":null,"unitCode":"DH-CG","kind":"Handle","taskName":"办理","status":"Open","possibleOutcomes":["Completed"],
         "dueAt":"2026-03-09T09:00:00+00:00","signDueAt":null,"createdAt":"2026-03-02T01:00:00+00:00","signedBy":null,"signedAt":null,"completedBy":null,
         "completedAt":null,"outcome":null,"payload":null,"result":{"answer":"已处理"}}
        """;

    private readonly HotlineFactory _factory = new();
    private OpenApiContract _contract = null!;

    public async Task InitializeAsync() => _contract = await OpenApiContract.LoadAsync(_factory.CreateClient());

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public void Should_accept_a_task_When_its_JSON_values_are_null_or_objects()
    {
        Assert.Empty(_contract.Check("GET", "/api/inbox/t-1", 200, "application/json", Task));
    }

    [Theory]
    [InlineData("kind", "\"Chore\"")]
    [InlineData("createdAt", "\"last Monday\"")]
    [InlineData("taskName", "null")]
    [InlineData("caseId", "\"not-a-guid\"")]
    public void Should_report_the_field_When_it_breaks_the_schema(string field, string value)
    {
        var task = JsonNode.Parse(Task)!.AsObject();
        task[field] = JsonNode.Parse(value);

        var violations = _contract.Check("GET", "/api/inbox/t-1", 200, "application/json", task.ToJsonString());

        Assert.Contains(violations, v => v.Contains($"/{field}:", StringComparison.Ordinal));
    }

    [Fact]
    public void Should_report_a_violation_When_the_status_or_media_type_is_undeclared_or_a_required_field_is_missing()
    {
        var task = JsonNode.Parse(Task)!.AsObject();
        task.Remove("status");

        Assert.Contains("status 418 is not declared", Assert.Single(_contract.Check("GET", "/api/inbox/t-1", 418, "application/json", "{}")), StringComparison.Ordinal);
        Assert.NotEmpty(_contract.Check("GET", "/api/inbox/t-1", 200, "application/json", task.ToJsonString()));
        Assert.Contains("media type", Assert.Single(_contract.Check("GET", "/api/inbox/t-1", 200, "text/html", "<p/>")), StringComparison.Ordinal);
        Assert.Contains("no operation", Assert.Single(_contract.Check("DELETE", "/api/inbox/t-1", 200, null, "")), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_declare_both_credentials_When_an_operation_is_secured_and_none_When_it_is_anonymous()
    {
        var schemes = _contract.Document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", schemes["Bearer"]!["scheme"]!.GetValue<string>());
        Assert.Equal(("apiKey", "header", "Authorization"), (schemes["ApiKey"]!["type"]!.GetValue<string>(), schemes["ApiKey"]!["in"]!.GetValue<string>(), schemes["ApiKey"]!["name"]!.GetValue<string>()));
        Assert.False(_contract.Find("POST", "/api/auth/token")!.Secured);
        Assert.False(_contract.Find("GET", "/api/calendar/years")!.Secured);
        Assert.All(_contract.Operations.Where(o => o.Template.StartsWith("/api/inbox", StringComparison.Ordinal)), o => Assert.True(o.Secured && o.Statuses.Contains("401") && o.Statuses.Contains("403"), o.Name));
    }
}
