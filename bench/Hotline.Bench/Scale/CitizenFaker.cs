using Bogus;

namespace Hotline.Bench.Scale;

/// <summary>
/// The citizens and their words (Bogus, locale zh_CN): names, mobile numbers, addresses in the demo city's districts,
/// and complaint texts built from the case's subject (its name and its top category's typical details).
/// </summary>
internal sealed class CitizenFaker(int seed)
{
    private static readonly Dictionary<string, string> DistrictNames = new()
    {
        ["990102"] = "云州市城区", ["990103"] = "云州市东湖区", ["990104"] = "云州市西山区", ["990121"] = "南河县", ["990122"] = "北原县",
    };

    // Per top category of the demo subjects: what people typically say about it.
    private static readonly Dictionary<string, string[]> Details = new()
    {
        ["CJ"] = ["楼上漏水已经三个月，开发商一直推诿", "小区里有人私自加盖房屋，占用公共绿地", "工地夜间施工到凌晨，噪音很大", "电梯经常停运，老人上下楼很困难"],
        ["SR"] = ["门口商贩长期占道经营，堵塞人行道", "垃圾桶满了好几天没人清运，气味很大", "路灯坏了一个多月，晚上走路很危险", "楼下饭店油烟直排，窗户都不敢开"],
        ["JT"] = ["小区门口经常有车辆违停，消防通道被堵", "公交车间隔太长，早高峰等车要半小时", "路面坑洼严重，雨天积水电动车摔倒", "出租车拒载还乱收费"],
        ["GY"] = ["家里停水两天了没有任何通知", "水压太低，五楼以上根本用不上水", "停电报修后一直没人来处理", "暖气一直不热，室温只有十四度"],
        ["LD"] = ["公司拖欠工资三个月，多次讨要无果", "单位没有给员工缴纳社保", "社保卡丢失想补办，不知道流程", "工伤认定材料交了很久没有结果"],
        ["SC"] = ["在超市买到过期食品，商家拒绝退换", "健身房办了预付卡后突然关门", "商店明码标价与结账价格不一致", "网购商品质量问题，商家不予处理"],
        ["JY"] = ["孩子入学报名材料要求不清楚", "培训机构退费困难", "学校周边交通秩序混乱", "校外培训收费过高"],
        ["WS"] = ["医院挂号难，排队时间太长", "药店出售处方药不要处方", "诊所卫生条件差", "疫苗接种预约不上"],
        ["ZA"] = ["户口迁移手续办理时间过长", "身份证补办进度查询", "出入境证件预约不到号", "居住证办理材料咨询"],
        ["ZF"] = ["公租房申请已经半年没有消息", "住房补贴发放不及时", "保障房分配不公开透明", "租房合同纠纷无人处理"],
        ["HB"] = ["附近工厂排放刺鼻气体", "河道污水直排，气味难闻", "夜间有人焚烧垃圾", "工地扬尘严重"],
        ["MZ"] = ["低保申请审批进度很慢", "养老院服务质量差", "残疾人补贴没有按时发放", "婚姻登记预约咨询"],
    };

    private static readonly string[] Openings = ["您好，我要反映一个问题：", "我是附近居民，", "市民来电反映：", "我想投诉一下，", ""];
    private static readonly string[] Pleas = ["希望有关部门尽快处理。", "请相关部门核实解决。", "已经反映过多次，请给个答复。", "请尽快派人来看看。"];

    private readonly Faker _faker = new("zh_CN") { Random = new Randomizer(seed) };

    public string Name() => _faker.Name.LastName() + _faker.Name.FirstName();

    public string Phone() => _faker.PickRandom("138", "139", "136", "150", "151", "158", "186", "187", "189") + _faker.Random.ReplaceNumbers("########");

    public string Address(string? districtCode) =>
        (districtCode is not null && DistrictNames.TryGetValue(districtCode, out var district) ? district : "云州市") +
        _faker.Address.StreetName() + _faker.Random.Number(1, 399) + "号" + _faker.Random.Number(1, 30) + "栋" + _faker.Random.Number(1, 6) + "单元";

    public string Content(string subjectCode, string subjectName, string address)
    {
        var category = subjectCode.Split('-')[0];
        var detail = Details.TryGetValue(category, out var details) ? _faker.PickRandom(details) : subjectName + "问题一直没有解决";
        return $"{_faker.PickRandom(Openings)}{address}附近，{detail}（{subjectName}），{_faker.Random.Number(2, 30)}天前开始的。{_faker.PickRandom(Pleas)}";
    }

    public Randomizer Random => _faker.Random;
}
