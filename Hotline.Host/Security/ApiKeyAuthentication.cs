using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Security;

/// <summary>An integrator's API key, from configuration (<c>Hotline:Security:ApiKeys</c>); never from code.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>The calling system's name (portal, wechat, provincial-platform, 110).</summary>
    public string Name { get; set; } = "";

    /// <summary>The key itself (set from a secret store or environment variable).</summary>
    public string? Key { get; set; }

    /// <summary>Roles granted to the key.</summary>
    public List<string> Roles { get; set; } = ["integrator"];
}

/// <summary>Security settings bound from <c>Hotline:Security</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>Integrator API keys.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];
}

/// <summary>Authenticates integrators by <c>X-Api-Key</c> or <c>Authorization: ApiKey &lt;key&gt;</c>.</summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IOptionsMonitor<SecurityOptions> security)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "ApiKey";

    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers["X-Api-Key"].FirstOrDefault();
        var authorization = Request.Headers.Authorization.FirstOrDefault();
        if (presented is null && authorization is not null && authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase))
            presented = authorization["ApiKey ".Length..].Trim();
        if (string.IsNullOrEmpty(presented))
            return Task.FromResult(AuthenticateResult.NoResult());

        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        foreach (var key in security.CurrentValue.ApiKeys)
        {
            if (string.IsNullOrEmpty(key.Key))
                continue;
            if (!CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))))
                continue;
            var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new("hotline:client", key.Name) };
            claims.AddRange(key.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }
}

/// <summary>Registration of authentication and the policies endpoints use.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Policy: integrators (API keys) and administrators may start workflows.</summary>
    public const string StartWorkflowsPolicy = "StartWorkflows";

    /// <summary>Adds authentication (API keys) and authorization policies.</summary>
    public static IServiceCollection AddHotlineSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection("Hotline:Security"));
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StartWorkflowsPolicy, p => p.RequireRole("integrator", "administrator"));
        return services;
    }
}
