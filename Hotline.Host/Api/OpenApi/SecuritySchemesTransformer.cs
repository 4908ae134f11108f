using Hotline.Host.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>The two ways to authenticate: a person's bearer token and an integrator's API key.</summary>
public sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The bearer scheme's name in the document.</summary>
    public const string Bearer = BearerTokenAuthenticationHandler.SchemeName;

    /// <summary>The API key scheme's name in the document.</summary>
    public const string ApiKey = ApiKeyAuthenticationHandler.SchemeName;

    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "opaque",
            Description = "People: an opaque session token (not a JWT) from POST /api/auth/token, sent as Authorization: Bearer <token>. " +
                "It expires, and POST /api/auth/logout revokes it.",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "Integrators: Authorization: ApiKey <key> (the X-Api-Key: <key> header is accepted too). " +
                "A key's roles are configured with it (Hotline:Security:ApiKeys), by default integrator.",
        };
        return Task.CompletedTask;
    }
}
