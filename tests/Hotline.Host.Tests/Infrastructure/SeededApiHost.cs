using System.Net;
using Hotline.Host.Tests.Lifecycle;
using Hotline.Host.Tests.Open311;

namespace Hotline.Host.Tests.Infrastructure;

/// <summary>One host per provider, shared by the tests of a class (IClassFixture), with the Open311 city seeded, an administrator signed in and a case filed.</summary>
public abstract class SeededApiHost : IAsyncLifetime
{
    private LifecycleHost _host = null!;

    protected abstract bool OnPostgreSql { get; }

    public HotlineFactory Factory => _host.Factory;

    public HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await LifecycleHost.StartAsync(Open311TestSupport.Monday, OnPostgreSql);
        await Open311TestSupport.SeedAsync(_host);
        Admin = await Factory.SignInAsync("admin", HotlineFactory.AdminPassword);
        using var created = await Factory.CreateClient().PostAsync(Open311TestSupport.Base + "/requests.json", Open311TestSupport.Form([.. Open311TestSupport.ValidFields()]));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await _host.DisposeAsync();
    }
}

public sealed class SqliteSeededApiHost : SeededApiHost
{
    protected override bool OnPostgreSql => false;
}

public sealed class PostgreSqlSeededApiHost : SeededApiHost
{
    protected override bool OnPostgreSql => true;
}
