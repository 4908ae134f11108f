using Hotline.Domain.Persistence;
using Hotline.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hotline.Host.Tests.Admin;

/// <summary>
/// Two administrators, each demoting the other at the same moment: the second change to be saved was checked against
/// an administrator the first one removed, so it must be refused (stale), never leave the hotline without one. The
/// interleaving is made exact: the second demotion runs whole while the first is about to save, after its own check.
/// </summary>
public abstract class LastAdministratorRaceTests : AdminTest
{
    private static readonly string[] Operator = [HotlineRoles.Operator];

    [Fact]
    public async Task Should_refuse_the_later_save_as_stale_When_two_administrators_demote_each_other_at_once()
    {
        await Host.Factory.CreateUserClientAsync("admin2", [HotlineRoles.Administrator]);
        using var first = Host.Factory.Services.CreateScope();
        using var second = Host.Factory.Services.CreateScope();
        var raced = false;
        AccountChange? secondChange = null;
        first.ServiceProvider.GetRequiredService<HotlineDbContext>().SavingChanges += (_, _) =>
        {
            if (raced)
                return;
            raced = true;
            secondChange = second.ServiceProvider.GetRequiredService<UserAdministration>()
                .UpdateAsync("admin2", "admin", new AccountProfile(1, "管理员", Operator, null)).GetAwaiter().GetResult();
        };

        var firstChange = await first.ServiceProvider.GetRequiredService<UserAdministration>()
            .UpdateAsync("admin", "admin2", new AccountProfile(1, "管理员二", Operator, null));

        Assert.Equal(AccountChangeOutcome.Done, secondChange!.Outcome);
        Assert.Equal(AccountChangeOutcome.Stale, firstChange.Outcome);
        await using var db = await Host.Contexts.CreateDbContextAsync();
        var administrators = (await db.UserAccounts.AsNoTracking().Where(u => u.IsActive).ToListAsync()).Where(u => u.Roles.Contains(HotlineRoles.Administrator));
        Assert.Equal(["admin2"], administrators.Select(u => u.UserName));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteLastAdministratorRaceTests : LastAdministratorRaceTests
{
    protected override bool OnPostgreSql => false;
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgreSqlLastAdministratorRaceTests : LastAdministratorRaceTests
{
    protected override bool OnPostgreSql => true;
}
