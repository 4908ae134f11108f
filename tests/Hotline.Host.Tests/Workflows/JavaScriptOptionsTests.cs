using Hotline.Host.Tests.Infrastructure;
using Hotline.Host.Workflows;
using Hotline.Workflows.Definitions;
using Hotline.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Tests.Workflows;

/// <summary>The JavaScript limits come from <c>Hotline:Workflows:JavaScript</c>; a bad value stops the host at start.</summary>
public sealed class JavaScriptOptionsTests
{
    private const string Counting = """
        {
          "id": "counting-v1", "definitionId": "counting", "name": "Counting", "version": 1,
          "root": { "id": "flow", "type": "Elsa.Flowchart", "version": 1,
            "activities": [
              { "id": "count", "type": "Elsa.RunJavaScript", "version": 1,
                "script": { "typeName": "String", "expression": { "type": "Literal", "value": "let n = 0;\nfor (let i = 0; i < 5000; i++) { n += i; }\nreturn n;" } } }
            ],
            "connections": [] }
        }
        """;

    [Theory]
    [InlineData(null, WorkflowSubStatus.Finished)]
    [InlineData("2000", WorkflowSubStatus.Faulted)]
    public async Task Should_run_scripts_within_the_configured_statement_limit_When_the_host_sets_one(string? maxStatements, WorkflowSubStatus expected)
    {
        using var factory = new HotlineFactory();
        var host = maxStatements is null ? factory : factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Workflows:JavaScript:MaxStatements", maxStatements));
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();

        var result = await runtime.StartAsync(await runtime.CompileAsync(WorkflowDefinitionReader.Parse(Counting)), new StartOptions());

        Assert.Equal(expected, result.SubStatus);
        if (expected == WorkflowSubStatus.Faulted)
            Assert.Contains("statements than its limit (2000)", Assert.Single(result.Incidents).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_refuse_to_start_the_host_When_the_script_timeout_is_zero()
    {
        using var factory = new HotlineFactory();
        var host = factory.WithWebHostBuilder(b => b.UseSetting("Hotline:Workflows:JavaScript:Timeout", "00:00:00"));

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        while (error is AggregateException { InnerExceptions.Count: 1 } aggregate)
            error = aggregate.InnerExceptions[0];
        var invalid = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains("Hotline:Workflows:JavaScript:Timeout must be more than 0", invalid.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(999, 64, 256, "MaxStatements")]
    [InlineData(10_000, 0, 256, "MemoryMegabytes")]
    [InlineData(10_000, 64, 8, "MaxRecursionDepth")]
    public void Should_name_the_setting_When_a_limit_is_out_of_range(int statements, int megabytes, int depth, string setting)
    {
        var options = new JavaScriptOptions { MaxStatements = statements, MemoryMegabytes = megabytes, MaxRecursionDepth = depth };

        var result = new JavaScriptOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains($"Hotline:Workflows:JavaScript:{setting}", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_give_the_engine_its_defaults_When_nothing_is_configured()
    {
        var limits = new JavaScriptOptions().ToLimits();

        Assert.True(new JavaScriptOptionsValidator().Validate(null, new JavaScriptOptions()).Succeeded);
        Assert.Equal(Hotline.Workflows.Expressions.JavaScriptLimits.Default, limits);
    }
}
