namespace Hotline.Host.Workflows;

/// <summary>How requests to HTTP workflows (<c>/workflows/...</c>) are handled. Bound from <c>Hotline:Workflows:Http</c>.</summary>
public sealed class HttpWorkflowsOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Workflows:Http";

    /// <summary>The largest request body an HTTP workflow accepts, in bytes (larger: 413). 1 MiB by default.</summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;
}
