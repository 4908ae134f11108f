using Hotline.Domain.Cases;
using Hotline.Host.Api.Open311;
using Hotline.Domain.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Hotline.Host.Tests.Open311;

/// <summary>The mapping of subjects and cases to GeoReport v2, and the parsing of its inputs, without a host.</summary>
public sealed class Open311MappingTests
{
    private static readonly TimeZoneInfo China = new CaseOptions().ResolveTimeZone();

    [Theory]
    [InlineData(CaseStatus.Registered, "open", "已受理")]
    [InlineData(CaseStatus.Dispatched, "open", "已派单")]
    [InlineData(CaseStatus.Handling, "open", "办理中")]
    [InlineData(CaseStatus.AwaitingReview, "open", "办理完毕，待审核")]
    [InlineData(CaseStatus.Replied, "open", "已答复")]
    [InlineData(CaseStatus.AwaitingCallback, "open", "已答复，待回访")]
    [InlineData(CaseStatus.Closed, "closed", "已办结")]
    [InlineData(CaseStatus.AnsweredDirectly, "closed", "已直接答复办结")]
    public void Should_map_every_lifecycle_status_to_open_or_closed_with_a_Chinese_note(CaseStatus status, string expected, string notes)
    {
        Assert.Equal(expected, Open311Mapping.Status(status));
        Assert.Equal(notes, Open311Mapping.StatusNotes(status));
    }

    [Fact]
    public void Should_cover_every_case_status_with_a_distinct_note()
    {
        var notes = Enum.GetValues<CaseStatus>().Select(Open311Mapping.StatusNotes).ToList();
        Assert.Equal(notes.Count, notes.Distinct().Count());
        Assert.All(notes, n => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", n));
    }

    [Fact]
    public void Should_write_times_in_the_hotline_zone_with_the_plus_eight_offset()
    {
        Assert.Equal("2026-03-02T09:00:00+08:00", Open311Mapping.FormatTime(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero), China));
        Assert.Equal("2026-01-01T07:30:00+08:00", Open311Mapping.FormatTime(new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero), China));
    }

    [Theory]
    [InlineData("敏", "张", "张敏")]
    [InlineData("Min", "Zhang", "Min Zhang")]
    [InlineData(null, "张", "张")]
    [InlineData(" 敏 ", null, "敏")]
    [InlineData(null, " ", null)]
    public void Should_compose_the_citizens_name_in_the_order_of_its_language(string? first, string? last, string? expected) =>
        Assert.Equal(expected, Open311Mapping.CitizenName(first, last));

    [Fact]
    public void Should_show_the_category_path_and_the_default_case_type_When_a_subject_becomes_a_service()
    {
        var city = new Subject { Code = "SR-CITY", Name = "市容环境", DefaultCaseType = CaseType.Complaint };
        var road = new Subject { Code = "SR-ROAD", Name = "占道经营", ParentCode = "SR-CITY", DefaultCaseType = CaseType.Report };
        var subjects = new Dictionary<string, Subject> { [city.Code] = city, [road.Code] = road };

        var service = Open311Mapping.ToService(road, subjects);

        Assert.Equal(new Open311Service("SR-ROAD", "占道经营", "市容环境 › 占道经营", true, "realtime", null, "举报"), service);
    }

    [Theory]
    [InlineData("2026-03-02T09:00:00+08:00", false, "2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T01:00:00Z", false, "2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T09:00:00 08:00", false, "2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T09:00:00", false, "2026-03-02T01:00:00Z")]
    [InlineData("2026-03-02T09:00:00.500-05:00", false, "2026-03-02T14:00:00.5Z")]
    [InlineData("2026-03-02", false, "2026-03-01T16:00:00Z")]
    public void Should_read_ISO_8601_times_with_the_hotline_zone_when_no_offset_is_given(string text, bool endOfDay, string expectedUtc)
    {
        Assert.True(Open311RequestQuery.TryParseTime(text, China, endOfDay, out var value));
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Should_read_a_date_only_end_date_as_the_end_of_that_day()
    {
        Assert.True(Open311RequestQuery.TryParseTime("2026-03-02", China, endOfDay: true, out var value));
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.FromHours(8)).AddTicks(-1), value);
    }

    [Theory]
    [InlineData("03/02/2026")]
    [InlineData("yesterday")]
    [InlineData("2026-13-02")]
    [InlineData("2026-03-02T25:00:00+08:00")]
    public void Should_refuse_times_that_are_not_ISO_8601(string text) =>
        Assert.False(Open311RequestQuery.TryParseTime(text, China, false, out _));

    [Fact]
    public void Should_default_to_the_last_90_days_and_refuse_a_longer_span()
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var (query, errors) = Open311RequestQuery.Parse(new QueryCollection(), now, China);
        Assert.Empty(errors);
        Assert.Equal(now - TimeSpan.FromDays(90), query!.From);
        Assert.Equal(now, query.To);
        Assert.Null(query.Open);

        var (exactly90, noErrors) = Open311RequestQuery.Parse(Query(("start_date", "2026-01-01"), ("end_date", "2026-03-31")), now, China);
        Assert.Empty(noErrors);
        Assert.NotNull(exactly90);

        var (tooLong, spanErrors) = Open311RequestQuery.Parse(Query(("start_date", "2026-01-01"), ("end_date", "2026-04-01")), now, China);
        Assert.Null(tooLong);
        Assert.StartsWith("start_date/end_date:", Assert.Single(spanErrors), StringComparison.Ordinal);

        var (backwards, backwardsErrors) = Open311RequestQuery.Parse(Query(("start_date", "2026-03-02"), ("end_date", "2026-03-01")), now, China);
        Assert.Null(backwards);
        Assert.StartsWith("end_date:", Assert.Single(backwardsErrors), StringComparison.Ordinal);

        var (onlyStart, _) = Open311RequestQuery.Parse(Query(("start_date", "2026-01-01T00:00:00Z")), now, China);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), onlyStart!.To);
    }

    [Fact]
    public void Should_read_status_and_id_lists_separated_by_commas()
    {
        var now = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        var (query, _) = Open311RequestQuery.Parse(Query(("status", "Closed"), ("service_request_id", "20260302-000001, 20260302-000002,"), ("service_code", "SR-ROAD,SR-LIGHT")), now, China);

        Assert.False(query!.Open);
        Assert.Equal(["20260302-000001", "20260302-000002"], query.ServiceRequestIds);
        Assert.Equal(["SR-ROAD", "SR-LIGHT"], query.ServiceCodes);
    }

    private static QueryCollection Query(params (string Name, string Value)[] values) =>
        new(values.ToDictionary(v => v.Name, v => new StringValues(v.Value)));
}
