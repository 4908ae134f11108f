using Hotline.Domain.Cases;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Api;

/// <summary>The small city the API tests work in: the dispatch desk, two district bureaus and a routed subject.</summary>
public static class ApiCity
{
    /// <summary>A complaint that the routing rule sends to DH-CG.</summary>
    public static object Complaint(string content = "小区门口占道经营，影响通行") => new
    {
        channel = "Web", content, type = "Complaint", subjectCode = "SR-ROAD", citizenName = "张敏", citizenPhone = "13800138000",
        address = "东湖区新华路1号", districtCode = "990103",
    };

    /// <summary>Adds the units, the subject and its routing rule.</summary>
    public static async Task SeedAsync(IDbContextFactory<HotlineDbContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = "RX-PD", Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = "DH-CG", Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = "990103" },
            new HandlingUnit { Code = "DH-ZJ", Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = "990103" },
            new Subject { Code = "SR-ROAD", Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = "R-ROAD", SubjectCode = "SR-ROAD", DistrictCode = "990103", LeadUnitCode = "DH-CG", Priority = 10 });
        await db.SaveChangesAsync();
    }
}
