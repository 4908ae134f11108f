using Microsoft.Extensions.Options;

namespace Hotline.Domain.Operations;

/// <summary>Metrics, traces and the Prometheus scrape endpoint (<c>Hotline:Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Telemetry";

    /// <summary>Whether metrics are collected and served at <see cref="ScrapePath"/> (default true).</summary>
    public bool Metrics { get; set; } = true;

    /// <summary>Whether spans are recorded (default false; on when <see cref="OtlpEndpoint"/> is set, unless set false).</summary>
    public bool? Traces { get; set; }

    /// <summary>An OpenTelemetry collector to send metrics, traces and logs to (e.g. <c>http://collector:4317</c>); none by default.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>Where Prometheus scrapes the metrics (default <c>/metrics</c>).</summary>
    public string ScrapePath { get; set; } = "/metrics";

    /// <summary>
    /// A secret a scraper from outside this machine sends as <c>Authorization: Bearer …</c> (at least 16 characters);
    /// without it only loopback and <see cref="ScrapeNetworks"/> may scrape.
    /// </summary>
    public string? ScrapeToken { get; set; }

    /// <summary>Networks (CIDR, e.g. <c>10.0.0.0/8</c>) whose callers may scrape without the token; loopback always may.</summary>
    public List<string> ScrapeNetworks { get; set; } = [];

    /// <summary>How long gauges read from the database are reused, so that a scrape storm cannot hammer it (default 10 s).</summary>
    public TimeSpan GaugeCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most units reported by <c>hotline.inbox.tasks.open</c> (the fullest); the rest are added up as <c>unit="other"</c> (default 1000).</summary>
    public int MaxUnits { get; set; } = 1000;
}

/// <summary>Checks <see cref="TelemetryOptions"/> on start.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        if (!options.ScrapePath.StartsWith('/') || options.ScrapePath.Length < 2)
            errors.Add($"{SectionName(nameof(options.ScrapePath))} must be a path such as /metrics.");
        if (options.ScrapeToken is { Length: < 16 })
            errors.Add($"{SectionName(nameof(options.ScrapeToken))} must be at least 16 characters.");
        foreach (var network in options.ScrapeNetworks)
            if (!System.Net.IPNetwork.TryParse(network, out _))
                errors.Add($"{SectionName(nameof(options.ScrapeNetworks))} entry '{network}' is not a CIDR network.");
        if (options.GaugeCacheDuration < TimeSpan.Zero)
            errors.Add($"{SectionName(nameof(options.GaugeCacheDuration))} must not be negative.");
        if (options.MaxUnits < 1)
            errors.Add($"{SectionName(nameof(options.MaxUnits))} must be at least 1.");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static string SectionName(string key) => TelemetryOptions.SectionName + ":" + key;
}
