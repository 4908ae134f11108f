using Hotline.Domain.Users;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Security;

/// <summary>
/// Refuses API keys whose district would not confine them as meant: a district that is not a six-digit code, or a
/// district on a key with the administrator role (administration is city-wide, as for people's accounts).
/// </summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++)
        {
            var key = options.ApiKeys[i];
            if (string.IsNullOrEmpty(key.DistrictCode))
                continue;
            if (!Hotline.Domain.Administration.Codes.IsDistrictCode(key.DistrictCode))
                failures.Add($"Hotline:Security:ApiKeys:{i}:DistrictCode must be a six-digit district code (it is '{key.DistrictCode}').");
            if (key.Roles.Contains(HotlineRoles.Administrator))
                failures.Add($"Hotline:Security:ApiKeys:{i} ('{key.Name}') has the administrator role and a district; administration is city-wide: remove one.");
        }

        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
