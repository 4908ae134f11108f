namespace Hotline.Workbench;

/// <summary>Workbench settings; bound from <c>Hotline:Workbench</c>.</summary>
public sealed class WorkbenchOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Hotline:Workbench";

    /// <summary>The hotline's name in the top bar and the page titles.</summary>
    public string Title { get; set; } = "12345政务服务便民热线";

    /// <summary>
    /// How often an open page checks that its session still lives (signed out elsewhere, expired, the account
    /// disabled): the longest a page keeps showing data after its session ended.
    /// </summary>
    public TimeSpan SessionCheckInterval { get; set; } = TimeSpan.FromSeconds(30);
}
