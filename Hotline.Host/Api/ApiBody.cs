using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Hotline.Host.Security;
using Hotline.Domain.Users;

namespace Hotline.Host.Api;

/// <summary>
/// Reads JSON request bodies strictly: a size limit (413), <c>application/json</c> only (415, also for a body sent
/// without a content type), malformed JSON or invalid UTF-8,
/// a property of the wrong type and an unknown property are each a 400 problem naming the field. Nothing is done with
/// a body that fails.
/// </summary>
public static class ApiBody
{
    /// <summary>Largest body accepted (64 KiB: a case's content is at most 4,000 characters).</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(), new TextWithoutNulConverter() },
    };

    /// <summary>The body as <typeparamref name="T"/>, or the problem to answer with.</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
            return (null, TooLarge());
        if (request.ContentType is not null && !request.HasJsonContentType())
            return (null, UnsupportedMediaType());
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                return (null, TooLarge());
        }

        if (buffer.Length == 0)
            return (null, Invalid("$", "A JSON body is required."));
        // A body without a content type is not taken for JSON (a form or text/plain sent without its header).
        if (request.ContentType is null)
            return (null, UnsupportedMediaType());
        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return body is null ? (null, Invalid("$", "The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "$";
            if (e.Message.Contains("could not be mapped", StringComparison.Ordinal))
            {
                // "The JSON property 'x' could not be mapped to any .NET member contained in type ..."
                var quoted = e.Message.Split('\'');
                var name = quoted.Length > 2 ? quoted[1] : field;
                return (null, Invalid(name, $"Unknown property '{name}'."));
            }

            var message = e.BytePositionInLine is not null && e.InnerException is null && !e.Message.Contains("could not be converted", StringComparison.Ordinal)
                ? $"Malformed JSON: {e.Message}"
                : $"'{field}' has the wrong type or format.";
            return (null, Invalid(field, message));
        }
    }

    /// <summary>A 400 problem naming one field.</summary>
    public static IResult Invalid(string field, string message) =>
        Results.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is not valid.");

    private static IResult UnsupportedMediaType() =>
        Results.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the body as application/json.");

    private static IResult TooLarge() =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request too large", detail: $"The body may be at most {MaxBytes} bytes.");
}

/// <summary>Who is calling, from the authenticated principal.</summary>
public static class Caller
{
    /// <summary>The user name or integrator name.</summary>
    public static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "";

    /// <summary>The name shown in timelines.</summary>
    public static string DisplayName(ClaimsPrincipal user) => user.FindFirst(BearerTokenAuthenticationHandler.DisplayNameClaim)?.Value ?? Name(user);

    /// <summary>The unit of a unit user; null for the centre's staff and integrators.</summary>
    public static string? UnitCode(ClaimsPrincipal user) => user.IsInRole(HotlineRoles.Unit) ? user.FindFirst(HotlineRoles.UnitClaim)?.Value ?? "" : null;

    /// <summary>
    /// The district the caller is confined to: a sub-centre's staff member's, or a district integrator's key's; null for
    /// the city centre, unit users (their unit confines them) and city-wide integrators.
    /// </summary>
    public static string? DistrictCode(ClaimsPrincipal user) => user.FindFirst(HotlineRoles.DistrictClaim)?.Value;

    /// <summary>Whether the caller is a unit user (sees only the unit's work).</summary>
    public static bool IsUnitUser(ClaimsPrincipal user) => user.IsInRole(HotlineRoles.Unit) && !user.IsInRole(HotlineRoles.Administrator);

    /// <summary>Whether the caller works at the hotline centre (sees every case).</summary>
    public static bool IsCentre(ClaimsPrincipal user) =>
        new[] { HotlineRoles.Operator, HotlineRoles.Dispatcher, HotlineRoles.CallbackAgent, HotlineRoles.Supervisor, HotlineRoles.Leader, HotlineRoles.Administrator }.Any(user.IsInRole);
}
