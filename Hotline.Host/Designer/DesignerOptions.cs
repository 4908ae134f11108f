namespace Hotline.Host.Designer;

/// <summary>The workflow designer served under <c>/designer</c> (<c>Hotline:Designer</c>).</summary>
public sealed class DesignerOptions
{
    /// <summary>
    /// The Elsa Studio folder (the unpacked npm package). By default <c>designer/studio</c> beside the host (a
    /// published host), else the package Hotline.Designer's build installed.
    /// </summary>
    public string? StudioPath { get; set; }

    /// <summary>The path of the Elsa API on this host, given to the Studio's elements as <c>remote-endpoint</c> (default <c>/elsa/api</c>).</summary>
    public string ApiPath { get; set; } = "/elsa/api";
}
