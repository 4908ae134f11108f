using Microsoft.Extensions.Options;

namespace Hotline.Domain.Routing;

/// <summary>Routing settings; bound from <c>Hotline:Routing</c>.</summary>
public sealed class RoutingOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Routing";

    /// <summary>The default for <see cref="DefaultDispatchUnitCode"/>: the demo city's dispatch desk.</summary>
    public const string DefaultDispatchUnit = "RX-PD";

    /// <summary>
    /// The unit that owns a case no routing rule covers: the hotline centre's dispatch desk (派单席). First-contact
    /// responsibility (首接负责制) means a case always has exactly one owner, so routing never answers "nobody".
    /// Default <c>RX-PD</c>.
    /// </summary>
    public string DefaultDispatchUnitCode { get; set; } = DefaultDispatchUnit;
}

/// <summary>Refuses routing settings that would leave a case without an owner.</summary>
public sealed class RoutingOptionsValidator : IValidateOptions<RoutingOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.DefaultDispatchUnitCode)
            ? ValidateOptionsResult.Fail($"{RoutingOptions.SectionName}:DefaultDispatchUnitCode must name the hotline centre's dispatch unit.")
            : ValidateOptionsResult.Success;
    }
}
