using Microsoft.AspNetCore.DataProtection;

namespace Hotline.Host.Operations.Keys;

/// <summary>
/// The keys that protect anti-forgery tokens and Blazor's circuits, shared by every host: one application name
/// whatever the install path, and the key ring in <c>Hotline:DataProtection:KeysDirectory</c> when set (a directory
/// every host reads and writes). Without it each machine keeps its own ring in the service user's home, and a form
/// served by one host is refused by the other.
/// </summary>
public static class DataProtectionKeys
{
    /// <summary>The configuration key of the shared directory.</summary>
    public const string KeysDirectoryKey = "Hotline:DataProtection:KeysDirectory";

    /// <summary>The application name every host protects with.</summary>
    public const string ApplicationName = "Hotline";

    /// <summary>Adds data protection with the shared name and, if configured, the shared key directory.</summary>
    public static IServiceCollection AddHotlineDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var protection = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration[KeysDirectoryKey] is { Length: > 0 } directory)
            protection.PersistKeysToFileSystem(Directory.CreateDirectory(directory));
        return services;
    }
}
