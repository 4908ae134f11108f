namespace Hotline.Browser.Tests.Infrastructure;

/// <summary>One host for a test class (xUnit class fixture).</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public DesignerHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await DesignerHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
