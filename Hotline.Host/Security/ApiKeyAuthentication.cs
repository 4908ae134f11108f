using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Hotline.Domain.Users;

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

    /// <summary>
    /// The district of a sub-centre's system (a county's portal): the key registers cases in that district only and its
    /// Open311 list shows that district's requests. Empty for a city-wide system.
    /// </summary>
    public string? DistrictCode { get; set; }
}

/// <summary>Security settings bound from <c>Hotline:Security</c>.</summary>
public sealed class SecurityOptions
{
    /// <summary>Integrator API keys.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>
    /// The configured key equal to <paramref name="presented"/>, or null. SHA-256 of both sides compared in fixed time,
    /// and every key compared, a match or not, so the time taken says neither how much of a key was right nor which
    /// position matched.
    /// </summary>
    public ApiKeyOptions? FindApiKey(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
            return null;
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        ApiKeyOptions? match = null;
        foreach (var key in ApiKeys)
        {
            if (string.IsNullOrEmpty(key.Key))
                continue;
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Key))) && match is null)
                match = key;
        }

        return match;
    }
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
        var presented = PresentedKey(Request);
        if (string.IsNullOrEmpty(presented))
            return Task.FromResult(AuthenticateResult.NoResult());

        if (security.CurrentValue.FindApiKey(presented) is not { } key)
            return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
        var claims = new List<Claim> { new(ClaimTypes.Name, key.Name), new("hotline:client", key.Name) };
        claims.AddRange(key.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (!string.IsNullOrEmpty(key.DistrictCode))
            claims.Add(new Claim(HotlineRoles.DistrictClaim, key.DistrictCode));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    /// <summary>The key in <c>X-Api-Key</c>, else in <c>Authorization: ApiKey …</c>; null when neither has one.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers["X-Api-Key"].FirstOrDefault() is { Length: > 0 } headerKey)
            return headerKey;
        var authorization = request.Headers.Authorization.FirstOrDefault();
        return authorization is not null && authorization.StartsWith("ApiKey ", StringComparison.OrdinalIgnoreCase) ? authorization["ApiKey ".Length..].Trim() : null;
    }
}

/// <summary>Authenticates people by <c>Authorization: Bearer &lt;token&gt;</c> (a token from <c>POST /api/auth/token</c>).</summary>
public sealed class BearerTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserService users, SessionActivity activity)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <summary>The scheme name.</summary>
    public const string SchemeName = "Bearer";

    /// <summary>The claim carrying the display name.</summary>
    public const string DisplayNameClaim = HotlineRoles.DisplayNameClaim;

    /// <summary>The workbench's Blazor connection: its requests do not count as the person's activity.</summary>
    public static readonly PathString LiveConnectionPath = "/_blazor";

    /// <summary>The cookie that carries a bearer token for people's pages (<see cref="Security.SessionCookie"/>).</summary>
    public const string SessionCookie = Security.SessionCookie.Name;

    /// <summary>
    /// Whether a request authenticates with a bearer token: a header, or the session cookie on the pages' paths (the
    /// designer, the workbench and its Blazor hub), never on the API's (<see cref="Security.SessionCookie.Counts"/>).
    /// </summary>
    public static bool Applies(HttpRequest request) =>
        request.Headers.Authorization.FirstOrDefault() is { } header
            ? header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            : Security.SessionCookie.Counts(request.Path) && request.Cookies.ContainsKey(SessionCookie);

    /// <inheritdoc />
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Applies(Request))
            return AuthenticateResult.NoResult();
        var authorization = Request.Headers.Authorization.FirstOrDefault();
        var token = authorization is null ? Request.Cookies[SessionCookie] ?? "" : authorization["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200)
            return AuthenticateResult.Fail("Malformed bearer token.");
        var account = await users.FindByTokenAsync(token, Context.RequestAborted);
        if (account is null)
            return AuthenticateResult.Fail("Unknown, expired or revoked token.");
        // A request the person made keeps a browser session alive; the workbench's live connection does not (its
        // traffic includes what the server pushes): on an open page, the person's input does (/account/keep-alive).
        if (!Request.Path.StartsWithSegments(LiveConnectionPath))
            await activity.NoteAsync(token, Context.RequestAborted);
        var claims = new List<Claim> { new(ClaimTypes.Name, account.UserName), new(DisplayNameClaim, account.DisplayName) };
        claims.AddRange(account.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (authorization is null)
            claims.Add(new Claim(HotlineRoles.SessionClaim, token));
        if (account.UnitCode is not null)
            claims.Add(new Claim(HotlineRoles.UnitClaim, account.UnitCode));
        if (account.DistrictCode is not null)
            claims.Add(new Claim(HotlineRoles.DistrictClaim, account.DistrictCode));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }
}

/// <summary>Creates the configured first administrator on start when there is no account yet.</summary>
public sealed class BootstrapAdminService(UserService users, IOptions<BootstrapAdminOptions> admin, ILogger<BootstrapAdminService> logger) : IHostedService
{
    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await users.EnsureBootstrapAdminAsync(admin.Value, cancellationToken))
            logger.LogWarning("Created the first administrator '{UserName}' from configuration; change its password and remove Hotline:Security:BootstrapAdmin:Password.", admin.Value.UserName);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Registration of authentication and the policies endpoints use.</summary>
public static class SecurityServiceCollectionExtensions
{
    /// <summary>Policy: integrators (API keys) and administrators may start workflows.</summary>
    public const string StartWorkflowsPolicy = "StartWorkflows";

    /// <summary>The default scheme: bearer tokens for people, API keys for integrators, chosen by the request's header.</summary>
    public const string DefaultScheme = "Hotline";

    /// <summary>Adds authentication (bearer tokens and API keys), accounts and authorization policies.</summary>
    public static IServiceCollection AddHotlineSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().Bind(configuration.GetSection("Hotline:Security")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.AddOptions<Hotline.Domain.Users.SessionOptions>().Bind(configuration.GetSection("Hotline:Security"))
            .Validate(o => o.TokenLifetime > TimeSpan.Zero, "Hotline:Security:TokenLifetime is positive.")
            .Validate(o => o.IdleTimeout > TimeSpan.Zero && o.IdleTimeout <= o.TokenLifetime, "Hotline:Security:IdleTimeout is positive and not longer than TokenLifetime.")
            .ValidateOnStart();
        services.TryAddSingleton<SessionActivity>();
        services.Configure<BootstrapAdminOptions>(configuration.GetSection("Hotline:Security:BootstrapAdmin"));
        services.AddOptions<LockoutOptions>().Bind(configuration.GetSection(LockoutOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LockoutOptions>, LockoutOptionsValidator>());
        services.TryAddSingleton(PasswordHasher.Default);
        services.TryAddSingleton<UserService>();
        services.TryAddScoped<UserAdministration>();
        services.AddHostedService<BootstrapAdminService>();
        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Bearer token or API key", o => o.ForwardDefaultSelector = context =>
                BearerTokenAuthenticationHandler.Applies(context.Request) ? BearerTokenAuthenticationHandler.SchemeName : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenAuthenticationHandler>(BearerTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(StartWorkflowsPolicy, p => p.RequireRole(HotlineRoles.Integrator, HotlineRoles.Administrator));
        return services;
    }
}
