using Hotline.Domain.Privacy;

namespace Hotline.Host.Tests.Privacy;

/// <summary>The one masker of public outputs, on texts as citizens write them to the 12345 hotline.</summary>
public class PersonalDataMaskerTests
{
    [Theory]
    [InlineData("请拨138-0013-8000或+86 138 0013 8000", "请拨138-****-8000或+86 138 **** 8000")]
    [InlineData("本机号码8888 1234，转8888 12345", "本机号码**** 1234，转8888 12345")]
    [InlineData("订单号188881234，工号8888123", "订单号188881234，工号8888123")]
    public void Should_mask_the_callers_own_number_however_it_is_written_but_not_inside_a_longer_number(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskTelephoneNumbers(text, text.Contains("138", StringComparison.Ordinal) ? "13800138000" : "88881234"));

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138 1234 5678", "138 **** 5678")]
    [InlineData("138-1234-5678", "138-****-5678")]
    [InlineData("+86 13812345678", "+86 138****5678")]
    [InlineData("8613812345678", "86138****5678")]
    [InlineData("008613812345678", "0086138****5678")]
    public void Should_ShowFirstThreeAndLastFourDigits_When_MaskingAMobileNumber(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPhone(phone));

    [Theory]
    [InlineData("0399-2345678", "0399-***5678")]
    [InlineData("0371-12345678", "0371-****5678")]
    [InlineData("037112345678", "0371****5678")]
    [InlineData("010-12345678", "010-****5678")]
    [InlineData("021 87654321", "021 ****4321")]
    public void Should_KeepTheAreaCodeAndLastFourDigits_When_MaskingALandline(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPhone(phone));

    [Theory]
    [InlineData("12345678", "****5678")]
    [InlineData("2345678", "*****78")]
    [InlineData("95598", "***98")]
    [InlineData("1234", "****")]
    [InlineData("110", "***")]
    public void Should_HideMostDigits_When_MaskingALocalOrShortNumber(string phone, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPhone(phone));

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("无", "无")]
    public void Should_ReturnTheInputUnchanged_When_ThereAreNoDigits(string? phone, string? expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskPhone(phone));

    [Theory]
    [InlineData("我的手机13912345678，有事打我电话。", "我的手机139****5678，有事打我电话。")]
    [InlineData("联系电话：+86 139-1234-5678", "联系电话：+86 139-****-5678")]
    [InlineData("请回电138 1234 5678谢谢", "请回电138 **** 5678谢谢")]
    [InlineData("座机0731-88881234，白天有人", "座机0731-****1234，白天有人")]
    [InlineData("打(010)12345678或（0731）8888123找我", "打(010)****5678或（0731）***8123找我")]
    [InlineData("电话是88881234，长沙市区", "电话是****1234，长沙市区")]
    [InlineData("固话 0755 8888 1234", "固话 0755 **** 1234")]
    [InlineData("电话１３９１２３４５６７８", "电话139****5678")]
    [InlineData("手机139.1234.5678，或139—1234—5678", "手机139.****.5678，或139—****—5678")]
    [InlineData("座机：０７３１－８８８８１２３４", "座机：0731－****1234")]
    [InlineData("电话：８８８８１２３４", "电话：****1234")]
    public void Should_mask_telephone_numbers_When_a_citizen_writes_them_into_the_text(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("身份证号110101199003071234，名下房产", "身份证号110***********1234，名下房产")]
    [InlineData("身份证：43010219851231123X。", "身份证：430***********123X。")]
    [InlineData("老身份证 430102851231123 还能用吗", "老身份证 430********1123 还能用吗")]
    public void Should_keep_the_first_three_and_last_four_When_masking_an_ID_number(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("工资卡6222 0212 3456 1234被冻结", "工资卡6222 **** **** 1234被冻结")]
    [InlineData("卡号6222-0212-3456-7890-123", "卡号6222-****-****-***0-123")]
    [InlineData("退款到6217002870012345678", "退款到6217***********5678")]
    public void Should_keep_the_first_four_and_last_four_When_masking_a_bank_card(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("回复请发邮箱zhangmin@example.com，谢谢", "回复请发邮箱z***@example.com，谢谢")]
    [InlineData("邮件 li.si+hotline@mail.qq.com 或电话", "邮件 l***@mail.qq.com 或电话")]
    public void Should_keep_the_first_character_and_the_domain_When_masking_an_email_address(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Theory]
    [InlineData("我叫王小明，住在新华路", "我叫王**，住在新华路")]
    [InlineData("姓名：李四 电话见附件", "姓名：李* 电话见附件")]
    [InlineData("联系人为赵敏。", "联系人为赵*。")]
    [InlineData("我叫了物业三次都没人来", "我叫了物业三次都没人来")]
    public void Should_keep_the_surname_When_the_text_labels_a_name(string text, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.Mask(text));

    [Fact]
    public void Should_mask_the_callers_own_number_and_name_however_written_When_they_are_known()
    {
        var masked = PersonalDataMasker.Mask("王小明说：13912345678 或 0791 8888 6666 联系，小区12号楼3单元，2026-03-02 发现。王小明", "王小明", "079188886666");

        Assert.Equal("王**说：139****5678 或 0791 **** 6666 联系，小区12号楼3单元，2026-03-02 发现。王**", masked);
    }

    [Theory]
    [InlineData("工单20261122-000123已办结，请勿重复反映。")]
    [InlineData("2026年11月22日下午3点，2026-11-22 15:30，至今已3天。")]
    [InlineData("押金12000元未退，另有滞纳金1,250.50元，合计13250.5元。")]
    [InlineData("芙蓉区（430102）五一大道368号，1栋2单元1203室。")]
    [InlineData("小区共有480户，停车位120个，每月物业费2.5元/平方米。")]
    [InlineData("拨打12345、110或120都没人接，营业时间09:00-17:30。")]
    [InlineData("订单编号 20261122153045，快递单号 SF1234567890123。")]
    [InlineData("面积89.5平方米，楼高32层，建于2008年。")]
    [InlineData("我叫来物业经理处理")]
    public void Should_leave_the_text_as_it_is_When_it_has_numbers_that_identify_no_one(string text) =>
        Assert.Equal(text, PersonalDataMasker.Mask(text));

    [Fact]
    public void Should_mask_every_identifier_in_one_text_When_a_complaint_carries_several()
    {
        const string text = "本人张敏（身份证430102199001011234），手机13812345678，座机0731-88881234，邮箱zm@163.com，" +
            "工资卡6222 0212 3456 1234。工单20261122-000123反映的欠薪12000元至今未付，芙蓉区430102。";

        var masked = PersonalDataMasker.Mask(text, "张敏", "13812345678");

        Assert.Equal("本人张*（身份证430***********1234），手机138****5678，座机0731-****1234，邮箱z***@163.com，" +
            "工资卡6222 **** **** 1234。工单20261122-000123反映的欠薪12000元至今未付，芙蓉区430102。", masked);
    }

    [Theory]
    [InlineData("张敏", "张*")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("敏", "敏")]
    public void Should_keep_only_the_first_character_When_masking_a_name(string name, string expected) =>
        Assert.Equal(expected, PersonalDataMasker.MaskName(name));
}
