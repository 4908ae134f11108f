namespace Hotline.Host.Tests.Api.OpenApi;

/// <summary>Who a fuzzed request is sent as.</summary>
public enum Credential
{
    Anonymous,
    Integrator,
    UnitUser,
    Administrator,
}

/// <summary>One generated request: an operation, a credential, a concrete path and query, and a body (or none).</summary>
/// <param name="Operation">The operation of the document it is for.</param>
/// <param name="Credential">Who sends it.</param>
/// <param name="PathAndQuery">The path with its parameters filled in, and the query string.</param>
/// <param name="Body">The body text, or null for none.</param>
/// <param name="ContentType">The body's media type.</param>
public sealed record FuzzRequest(ApiOperation Operation, Credential Credential, string PathAndQuery, string? Body, string ContentType)
{
    public override string ToString() =>
        $"{Operation.Method} {PathAndQuery} as {Credential}" + (Body is null ? "" : $" [{ContentType}] {(Body.Length > 300 ? Body[..300] + $"… ({Body.Length} chars)" : Body)}");
}

/// <summary>What a fuzzed request showed: a kind (5xx, an undeclared status, rows written by a refusal), the request, and the report line.</summary>
public sealed record FuzzFailure(string Kind, FuzzRequest Request, string Message);
