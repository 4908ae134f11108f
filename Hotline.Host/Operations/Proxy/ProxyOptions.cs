using System.Net;
using Microsoft.Extensions.Options;

namespace Hotline.Host.Operations.Proxy;

/// <summary>The reverse proxies in front of the host (nginx); bound from <c>Hotline:Proxy</c>.</summary>
public sealed class ProxyOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Proxy";

    /// <summary>
    /// The addresses of the proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the host believes (the
    /// client's address, https). Empty (the default): the host believes no one and the headers are ignored.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>The configured proxies as addresses (call after validation).</summary>
    public IEnumerable<IPAddress> Addresses() => KnownProxies.Select(IPAddress.Parse);
}

/// <summary>Refuses a proxy address that is not an IP address, when the host starts.</summary>
public sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ProxyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => $"{ProxyOptions.SectionName}:KnownProxies holds '{p}', which is not an IP address.").ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
