using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Persistence;
using Hotline.Domain.Routing;
using Hotline.Host.Tests.Cases;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Host.Tests.Activities;

/// <summary>
/// The reference data the activity tests work with: the dispatch desk, two district bureaus (one routed to lead, one to
/// assist), an inactive unit, a routed subject, and a knowledge article (and a withdrawn one).
/// </summary>
public static class ActivityCity
{
    public const string Desk = "RX-PD";
    public const string Lead = "DH-CG";
    public const string Assisting = "DH-ZJ";
    public const string Inactive = "DH-OLD";
    public const string Subject = "SR-ROAD";
    public const string Rule = "R-ROAD";
    public const string District = "990103";
    public const string Article = "KB-PARKING";
    public const string WithdrawnArticle = "KB-OLD";

    /// <summary>A complaint about the routed subject in the routed district.</summary>
    public static CaseRegistration Complaint(string phone = "13800138000", string? subject = Subject) =>
        new(CaseChannel.Phone, "小区门口占道经营，影响通行", CaseType.Complaint, subject, "张敏", phone, "东湖区新华路1号", District);

    public static async Task SeedAsync(IDbContextFactory<HotlineDbContext> contexts)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync();
        db.AddRange(
            new HandlingUnit { Code = Desk, Name = "12345派单中心", Level = UnitLevel.CityDepartment, DistrictCode = "990100" },
            new HandlingUnit { Code = Lead, Name = "东湖区城管局", Level = UnitLevel.District, DistrictCode = District },
            new HandlingUnit { Code = Assisting, Name = "东湖区住建局", Level = UnitLevel.District, DistrictCode = District },
            new HandlingUnit { Code = Inactive, Name = "东湖区旧办", Level = UnitLevel.District, DistrictCode = District, IsActive = false },
            new Subject { Code = Subject, Name = "占道经营", DefaultCaseType = CaseType.Complaint },
            new RoutingRule { Id = Rule, SubjectCode = Subject, DistrictCode = District, LeadUnitCode = Lead, AssistingUnitCodes = [Assisting], Priority = 10 },
            new KnowledgeArticle { Id = Article, Title = "居民区停车收费标准", Question = "小区停车怎么收费？", Answer = "按物价局核定标准收费。", Keywords = "停车" },
            new KnowledgeArticle { Id = WithdrawnArticle, Title = "旧停车规定", Question = "旧规定？", Answer = "已废止。", Status = Hotline.Domain.Knowledge.KnowledgeStatus.Expired });
        await db.SaveChangesAsync();
    }
}
