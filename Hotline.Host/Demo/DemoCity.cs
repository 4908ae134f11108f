using Bogus;
using Hotline.Domain.Cases;
using Hotline.Domain.Knowledge;
using Hotline.Domain.Routing;

namespace Hotline.Host.Demo;

/// <summary>The reference data of a demo city: units, subjects, routing rules and knowledge-base answers.</summary>
public sealed record DemoData(
    IReadOnlyList<HandlingUnit> Units,
    IReadOnlyList<Subject> Subjects,
    IReadOnlyList<RoutingRule> Rules,
    IReadOnlyList<KnowledgeArticle> Articles);

/// <summary>
/// 云州市, a made-up prefecture-level city of five districts and counties, shaped after the 12345 centres described in
/// the project's sources (Jincheng, Ningxiang): city departments and public-service companies, districts and counties,
/// their streets and towns, and communities and villages under those; a subject taxonomy; routing rules for every
/// subject in every district; and knowledge-base answers. Division codes start with 99, a prefix no real area has.
/// </summary>
/// <remarks>
/// Deterministic: the same data on every run and machine. Bogus (zh_CN, fixed seed) supplies the village names,
/// contact telephones and review dates; the structure and texts are written out here.
/// </remarks>
public static class DemoCity
{
    /// <summary>The Bogus seed; changing it changes village names, telephones and dates.</summary>
    public const int Seed = 12345;

    /// <summary>The city's own division code, used by city departments.</summary>
    public const string CityDistrictCode = "990100";

    /// <summary>The hotline centre's dispatch desk, the default owner of unrouted cases (<see cref="RoutingOptions.DefaultDispatchUnitCode"/>).</summary>
    public const string DispatchDeskCode = RoutingOptions.DefaultDispatchUnit;

    /// <summary>The districts and counties: code, name, division code, urban (a district) or a county, and their streets and towns.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name, string DistrictCode, bool Urban, string[] Towns)> Districts =
    [
        ("CQ", "云州市城区", "990102", true, ["东街街道", "西街街道", "南街街道"]),
        ("DH", "云州市东湖区", "990103", true, ["湖滨街道", "新华街道", "东湖镇"]),
        ("XS", "云州市西山区", "990104", true, ["西山街道", "矿区街道", "马村镇"]),
        ("NH", "南河县", "990121", false, ["城关镇", "南河镇", "李寨乡"]),
        ("BY", "北原县", "990122", false, ["北原镇", "新庄镇", "石桥乡"]),
    ];

    /// <summary>City departments and public-service companies: code and name.</summary>
    internal static readonly IReadOnlyList<(string Code, string Name)> Departments =
    [
        (DispatchDeskCode, "云州市12345政务服务便民热线派单中心"),
        ("SZ-ZJ", "云州市住房和城乡建设局"),
        ("SZ-CG", "云州市城市管理局"),
        ("SZ-SJ", "云州市市场监督管理局"),
        ("SZ-RS", "云州市人力资源和社会保障局"),
        ("SZ-YB", "云州市医疗保障局"),
        ("SZ-JT", "云州市交通运输局"),
        ("SZ-HJ", "云州市生态环境局"),
        ("SZ-WJ", "云州市卫生健康委员会"),
        ("SZ-JY", "云州市教育局"),
        ("SZ-GA", "云州市公安局"),
        ("SZ-JJ", "云州市公安局交通警察支队"),
        ("SZ-MZ", "云州市民政局"),
        ("SZ-SW", "云州市水务局"),
        ("SZ-GJJ", "云州市住房公积金管理中心"),
        ("QY-GS", "云州市供水有限公司"),
        ("QY-GD", "国网云州供电公司"),
        ("QY-RQ", "云州市燃气有限公司"),
        ("QY-RL", "云州市热力有限公司"),
    ];

    private static readonly string[] StreetCommunities =
    [
        "建设路社区", "花园社区", "新华社区", "文昌社区", "锦绣社区", "和平社区", "东关社区", "凤台社区", "书院社区", "泰丰社区",
        "红星社区", "北苑社区", "康乐社区", "映山社区", "兰花社区", "金汇社区", "西关社区", "双拥社区",
    ];

    private static readonly string[] MobilePrefixes = ["135", "138", "139", "150", "158", "186", "187"];

    private static readonly string[] VillageSuffixes = ["家庄村", "庄村", "家沟村", "家岭村", "家河村", "堡村"];

    /// <summary>How a subject is routed.</summary>
    private enum Routing
    {
        /// <summary>A city department citywide: one rule for any district.</summary>
        City,

        /// <summary>The district (属地) leads, the department assists: a rule per district.</summary>
        Local,

        /// <summary>The department leads, the district assists (属地配合): a rule per district.</summary>
        CityWithLocal,

        /// <summary>The department leads in the urban districts; in the counties the county leads and the department assists.</summary>
        UrbanCity,
    }

    /// <summary>Top-level categories: code, name, the department that takes a case classified only this far.</summary>
    private static readonly IReadOnlyList<(string Code, string Name, string Lead)> Categories =
    [
        ("CJ", "城乡建设", "SZ-ZJ"),
        ("SR", "市容环境", "SZ-CG"),
        ("JT", "交通出行", "SZ-JT"),
        ("GY", "公用事业", "SZ-SW"),
        ("LD", "劳动社保", "SZ-RS"),
        ("SC", "市场监管", "SZ-SJ"),
        ("JY", "教育", "SZ-JY"),
        ("WS", "卫生健康", "SZ-WJ"),
        ("ZA", "户政出入境", "SZ-GA"),
        ("ZF", "住房保障", "SZ-ZJ"),
        ("HB", "生态环境", "SZ-HJ"),
        ("MZ", "民政服务", "SZ-MZ"),
    ];

    /// <summary>Subjects: code, name, category, default type, routing, department, other assisting departments.</summary>
    private static readonly IReadOnlyList<(string Code, string Name, string Category, CaseType Type, Routing Routing, string Department, string[] Assisting)> Leaves =
    [
        ("CJ-FWZL", "房屋质量", "CJ", CaseType.Complaint, Routing.City, "SZ-ZJ", []),
        ("CJ-WZJZ", "违章建筑", "CJ", CaseType.Report, Routing.Local, "SZ-CG", []),
        ("CJ-WYGL", "物业管理", "CJ", CaseType.Complaint, Routing.Local, "SZ-ZJ", []),
        ("CJ-SGZY", "建筑施工噪音", "CJ", CaseType.Complaint, Routing.CityWithLocal, "SZ-ZJ", ["SZ-HJ"]),
        ("CJ-LJXQ", "老旧小区改造", "CJ", CaseType.Suggestion, Routing.City, "SZ-ZJ", []),
        ("CJ-DTGZ", "电梯故障", "CJ", CaseType.Help, Routing.City, "SZ-SJ", ["SZ-ZJ"]),
        ("SR-ZDJY", "占道经营", "SR", CaseType.Complaint, Routing.Local, "SZ-CG", []),
        ("SR-LJQY", "垃圾清运", "SR", CaseType.Complaint, Routing.Local, "SZ-CG", []),
        ("SR-LDSH", "路灯损坏", "SR", CaseType.Help, Routing.UrbanCity, "SZ-CG", []),
        ("SR-ZYRM", "噪音扰民", "SR", CaseType.Complaint, Routing.Local, "SZ-GA", ["SZ-HJ"]),
        ("SR-CYYY", "餐饮油烟", "SR", CaseType.Complaint, Routing.Local, "SZ-HJ", []),
        ("SR-LHYH", "绿化养护", "SR", CaseType.Suggestion, Routing.UrbanCity, "SZ-CG", []),
        ("SR-QZRM", "犬只扰民", "SR", CaseType.Complaint, Routing.Local, "SZ-GA", []),
        ("JT-WZTC", "违章停车", "JT", CaseType.Complaint, Routing.City, "SZ-JJ", []),
        ("JT-JGYW", "交管业务", "JT", CaseType.Consultation, Routing.City, "SZ-JJ", []),
        ("JT-GJXL", "公交线路", "JT", CaseType.Suggestion, Routing.City, "SZ-JT", []),
        ("JT-CZC", "出租车服务", "JT", CaseType.Complaint, Routing.City, "SZ-JT", []),
        ("JT-DLPS", "道路破损", "JT", CaseType.Help, Routing.UrbanCity, "SZ-CG", ["SZ-JT"]),
        ("GY-GSTS", "供水停水", "GY", CaseType.Help, Routing.UrbanCity, "QY-GS", ["SZ-SW"]),
        ("GY-SYBZ", "水压不足", "GY", CaseType.Help, Routing.UrbanCity, "QY-GS", []),
        ("GY-TDBX", "停电报修", "GY", CaseType.Help, Routing.City, "QY-GD", []),
        ("GY-RQFW", "燃气服务", "GY", CaseType.Help, Routing.UrbanCity, "QY-RQ", []),
        ("GY-XQGN", "小区供暖", "GY", CaseType.Help, Routing.UrbanCity, "QY-RL", ["SZ-ZJ"]),
        ("LD-TQGZ", "拖欠工资", "LD", CaseType.Complaint, Routing.CityWithLocal, "SZ-RS", []),
        ("LD-SBJN", "社保缴纳", "LD", CaseType.Consultation, Routing.City, "SZ-RS", []),
        ("LD-SBK", "社保卡办理", "LD", CaseType.Consultation, Routing.City, "SZ-RS", []),
        ("LD-YBBX", "医保报销", "LD", CaseType.Consultation, Routing.City, "SZ-YB", []),
        ("LD-LDHT", "劳动合同与工伤", "LD", CaseType.Complaint, Routing.City, "SZ-RS", []),
        ("SC-SPAQ", "食品安全", "SC", CaseType.Report, Routing.City, "SZ-SJ", []),
        ("SC-XFWQ", "消费维权", "SC", CaseType.Complaint, Routing.City, "SZ-SJ", []),
        ("SC-JGWF", "价格违法", "SC", CaseType.Report, Routing.City, "SZ-SJ", []),
        ("SC-YFK", "预付卡退费", "SC", CaseType.Complaint, Routing.CityWithLocal, "SZ-SJ", []),
        ("SC-ZTDJ", "市场主体登记", "SC", CaseType.Consultation, Routing.City, "SZ-SJ", []),
        ("JY-RXZX", "入学咨询", "JY", CaseType.Consultation, Routing.City, "SZ-JY", []),
        ("JY-XWPX", "校外培训", "JY", CaseType.Complaint, Routing.City, "SZ-JY", ["SZ-SJ"]),
        ("WS-YLFW", "医疗服务", "WS", CaseType.Complaint, Routing.City, "SZ-WJ", []),
        ("WS-YFJZ", "预防接种", "WS", CaseType.Consultation, Routing.City, "SZ-WJ", []),
        ("ZA-HJBL", "户籍办理", "ZA", CaseType.Consultation, Routing.City, "SZ-GA", []),
        ("ZA-SFZ", "身份证办理", "ZA", CaseType.Consultation, Routing.City, "SZ-GA", []),
        ("ZA-CRJ", "出入境证件", "ZA", CaseType.Consultation, Routing.City, "SZ-GA", []),
        ("ZF-GJJTQ", "公积金提取", "ZF", CaseType.Consultation, Routing.City, "SZ-GJJ", []),
        ("ZF-GJJDK", "公积金贷款", "ZF", CaseType.Consultation, Routing.City, "SZ-GJJ", []),
        ("ZF-BZF", "保障性住房", "ZF", CaseType.Consultation, Routing.City, "SZ-ZJ", []),
        ("HB-DQWR", "大气污染", "HB", CaseType.Report, Routing.CityWithLocal, "SZ-HJ", []),
        ("HB-SWR", "水污染", "HB", CaseType.Report, Routing.CityWithLocal, "SZ-HJ", ["SZ-SW"]),
        ("MZ-DBJZ", "低保救助", "MZ", CaseType.Help, Routing.Local, "SZ-MZ", []),
        ("MZ-YLFW", "养老服务", "MZ", CaseType.Consultation, Routing.City, "SZ-MZ", []),
        ("MZ-HYDJ", "婚姻登记", "MZ", CaseType.Consultation, Routing.City, "SZ-MZ", []),
    ];

    /// <summary>Builds the demo city.</summary>
    public static DemoData Build()
    {
        var faker = new Faker("zh_CN") { Random = new Randomizer(Seed) };
        var units = BuildUnits(faker);
        var subjects = Categories.Select(c => new Subject { Code = c.Code, Name = c.Name, DefaultCaseType = CaseType.Consultation })
            .Concat(Leaves.Select(l => new Subject { Code = l.Code, Name = l.Name, ParentCode = l.Category, DefaultCaseType = l.Type }))
            .ToList();
        var rules = BuildRules();
        var articles = DemoKnowledge.Build(faker);
        return new DemoData(units, subjects, rules, articles);
    }

    private static List<HandlingUnit> BuildUnits(Faker faker)
    {
        var units = Departments
            .Select(d => new HandlingUnit
            {
                Code = d.Code,
                Name = d.Name,
                Level = UnitLevel.CityDepartment,
                DistrictCode = CityDistrictCode,
                ContactPhone = faker.Phone.PhoneNumber("0399-2######"),
            })
            .ToList();
        foreach (var district in Districts)
        {
            units.Add(new HandlingUnit
            {
                Code = district.Code,
                Name = $"{district.Name}人民政府",
                Level = UnitLevel.District,
                DistrictCode = district.DistrictCode,
                ContactPhone = faker.Phone.PhoneNumber("0399-#######"),
            });
            for (var t = 0; t < district.Towns.Length; t++)
                AddTownAndCommunities(units, faker, district, t);
        }

        return units;
    }

    /// <summary>The <paramref name="t"/>-th town (or street office) of <paramref name="district"/> and its two communities (villages or residents' committees).</summary>
    private static void AddTownAndCommunities(List<HandlingUnit> units, Faker faker, (string Code, string Name, string DistrictCode, bool Urban, string[] Towns) district, int t)
    {
        var town = district.Towns[t];
        var townCode = $"{district.Code}-{t + 1:00}";
        var isStreet = town.EndsWith("街道", StringComparison.Ordinal);
        var shortDistrict = district.Name.Replace("云州市", "", StringComparison.Ordinal);
        units.Add(new HandlingUnit
        {
            Code = townCode,
            Name = isStreet ? $"{shortDistrict}{town}办事处" : $"{shortDistrict}{town}人民政府",
            ParentCode = district.Code,
            Level = UnitLevel.Town,
            DistrictCode = district.DistrictCode,
            ContactPhone = faker.Phone.PhoneNumber("0399-#######"),
        });
        var names = CommunityNames(faker, isStreet);
        for (var c = 0; c < names.Count; c++)
        {
            units.Add(new HandlingUnit
            {
                Code = $"{townCode}-{c + 1:00}",
                Name = isStreet ? $"{town}{names[c]}居民委员会" : $"{town}{names[c]}村民委员会",
                ParentCode = townCode,
                Level = UnitLevel.Community,
                DistrictCode = district.DistrictCode,
                ContactPhone = faker.PickRandom(MobilePrefixes) + faker.Random.ReplaceNumbers("########"),
            });
        }
    }

    private static List<string> CommunityNames(Faker faker, bool isStreet)
    {
        var names = new List<string>();
        while (names.Count < 2)
        {
            var name = isStreet
                ? faker.PickRandom(StreetCommunities)
                : faker.Name.LastName() + faker.PickRandom(VillageSuffixes);
            if (!names.Contains(name))
                names.Add(name);
        }

        return names;
    }

    private static List<RoutingRule> BuildRules()
    {
        var rules = Categories
            .Select(c => new RoutingRule { Id = $"R-{c.Code}", SubjectCode = c.Code, LeadUnitCode = c.Lead, Priority = 0 })
            .ToList();
        foreach (var leaf in Leaves)
        {
            switch (leaf.Routing)
            {
                case Routing.City:
                    rules.Add(new RoutingRule { Id = $"R-{leaf.Code}", SubjectCode = leaf.Code, LeadUnitCode = leaf.Department, AssistingUnitCodes = [.. leaf.Assisting], Priority = 0 });
                    break;
                case Routing.Local:
                    foreach (var d in Districts)
                        rules.Add(new RoutingRule { Id = $"R-{leaf.Code}-{d.Code}", SubjectCode = leaf.Code, DistrictCode = d.DistrictCode, LeadUnitCode = d.Code, AssistingUnitCodes = [leaf.Department, .. leaf.Assisting], Priority = 10 });
                    break;
                case Routing.CityWithLocal:
                    foreach (var d in Districts)
                        rules.Add(new RoutingRule { Id = $"R-{leaf.Code}-{d.Code}", SubjectCode = leaf.Code, DistrictCode = d.DistrictCode, LeadUnitCode = leaf.Department, AssistingUnitCodes = [.. leaf.Assisting, d.Code], Priority = 10 });
                    break;
                case Routing.UrbanCity:
                    rules.Add(new RoutingRule { Id = $"R-{leaf.Code}", SubjectCode = leaf.Code, LeadUnitCode = leaf.Department, AssistingUnitCodes = [.. leaf.Assisting], Priority = 0 });
                    foreach (var d in Districts.Where(d => !d.Urban))
                        rules.Add(new RoutingRule { Id = $"R-{leaf.Code}-{d.Code}", SubjectCode = leaf.Code, DistrictCode = d.DistrictCode, LeadUnitCode = d.Code, AssistingUnitCodes = [leaf.Department, .. leaf.Assisting], Priority = 10 });
                    break;
                default:
                    throw new InvalidOperationException($"Unknown routing {leaf.Routing}.");
            }
        }

        return rules;
    }
}
