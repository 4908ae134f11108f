using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>
/// Checks every response of its clients against the OpenAPI document and keeps what it finds: the violations, and which
/// operations were called.
/// </summary>
public sealed class ContractRecorder(OpenApiContract contract)
{
    private readonly ConcurrentQueue<string> _violations = new();
    private readonly ConcurrentDictionary<string, byte> _operations = new(StringComparer.Ordinal);

    public OpenApiContract Contract => contract;

    /// <summary>Every response that broke the contract.</summary>
    public IReadOnlyCollection<string> Violations => _violations;

    /// <summary>The operations called (by <see cref="ApiOperation.Name"/>).</summary>
    public IReadOnlySet<string> OperationsCalled => _operations.Keys.ToHashSet(StringComparer.Ordinal);

    /// <summary>A client of the host whose responses are checked, with <paramref name="authorization"/> on every request.</summary>
    public HttpClient CreateClient(WebApplicationFactory<Program> factory, AuthenticationHeaderValue? authorization = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateDefaultClient(new Handler(this));
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    private sealed class Handler(ContractRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (recorder.Contract.Find(request.Method.Method, path) is { } operation)
                recorder._operations.TryAdd(operation.Name, 0);
            foreach (var violation in recorder.Contract.Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body))
                recorder._violations.Enqueue(violation);
            return response;
        }
    }
}
