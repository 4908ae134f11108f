using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Hotline.Host.Tests.Persistence;

/// <summary>appsettings.json's levels: a production host logs no SQL, request lines or Quartz chatter at Information.</summary>
public sealed class LoggingDefaultsTests : IDisposable
{
    private readonly HotlineFactory _factory = new();
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Should_log_no_SQL_at_Information_When_a_case_is_created()
    {
        using var host = _factory.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(_logs)));
        using var integrator = host.CreateClient();
        integrator.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", HotlineFactory.IntegratorKey);

        using var response = await integrator.PostAsJsonAsync("/api/cases", new { channel = "Phone", type = "Consultation", content = "请问公积金怎么提取？" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains(_logs.Records, r => r.Level == LogLevel.Information);
        var noisy = _logs.Records.Where(r => r.Level < LogLevel.Warning && (r.Category.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || r.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || r.Category.StartsWith("Quartz", StringComparison.Ordinal))).ToList();
        Assert.True(noisy.Count == 0, string.Join("\n", noisy.Take(5)));
    }
}
