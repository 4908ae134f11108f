using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hotline.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static Hotline.Host.Tests.Calendar.CalendarTestData;

namespace Hotline.Host.Tests.Calendar;

/// <summary>The calendar API on a fresh SQLite database, seeded with the shipped years.</summary>
public sealed class CalendarApiTests : IDisposable
{
    private const string AdministratorKey = "test-administrator-key-3c5e";
    private readonly HotlineFactory _factory = new();
    private readonly WebApplicationFactory<Program> _host;

    public CalendarApiTests()
    {
        // The shared factory's keys are integrators; this test adds an administrator's.
        _host = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Hotline:Security:ApiKeys:2:Name", "admin-zhang");
            builder.UseSetting("Hotline:Security:ApiKeys:2:Key", AdministratorKey);
            builder.UseSetting("Hotline:Security:ApiKeys:2:Roles:0", "administrator");
        });
    }

    public void Dispose()
    {
        _host.Dispose();
        _factory.Dispose();
    }

    [Fact]
    public async Task Should_list_the_seeded_years_with_their_counts_When_the_database_is_new()
    {
        var years = await _host.CreateClient().GetFromJsonAsync<JsonArray>("/api/calendar/years");

        Assert.Equal([2025, 2026], years!.Select(y => y!["year"]!.GetValue<int>()));
        Assert.Equal([6, 7], years!.Select(y => y!["holidays"]!.GetValue<int>()));
        Assert.Equal([5, 6], years!.Select(y => y!["makeUpWorkingDays"]!.GetValue<int>()));
        Assert.Equal([248, 248], years!.Select(y => y!["workingDays"]!.GetValue<int>()));
        Assert.All(years!, y => Assert.Equal("seed", y!["loadedBy"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Should_return_the_holidays_and_make_up_days_When_getting_a_year()
    {
        var year = await _host.CreateClient().GetFromJsonAsync<JsonObject>("/api/calendar/years/2026");

        var spring = year!["holidays"]!.AsArray()[1]!;
        Assert.Equal("Spring Festival (春节)", spring["name"]!.GetValue<string>());
        Assert.Equal("2026-02-15", spring["from"]!.GetValue<string>());
        Assert.Equal("2026-02-23", spring["to"]!.GetValue<string>());
        Assert.Equal(9, spring["days"]!.GetValue<int>());
        Assert.Equal(["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
            year["makeUpWorkingDays"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Contains("gov.cn", year["source"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_404_When_the_year_is_not_loaded()
    {
        var response = await _host.CreateClient().GetAsync("/api/calendar/years/2027");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Should_answer_401_When_saving_without_a_key_and_403_When_the_key_is_not_an_administrators()
    {
        var anonymous = await _host.CreateClient().PutAsJsonAsync("/api/calendar/years/2027", Year2027Body());
        var integrator = Client(HotlineFactory.IntegratorKey);
        var forbidden = await integrator.PutAsJsonAsync("/api/calendar/years/2027", Year2027Body());

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await integrator.GetAsync("/api/calendar/years/2027")).StatusCode);
    }

    [Fact]
    public async Task Should_save_2027_and_recompute_the_provisional_due_date_When_an_administrator_puts_the_year()
    {
        var client = Client(AdministratorKey);
        var before = await client.GetFromJsonAsync<JsonObject>("/api/calendar/add-working-days?date=2026-12-31&days=1");

        var response = await client.PutAsJsonAsync("/api/calendar/years/2027", Year2027Body());

        var after = await client.GetFromJsonAsync<JsonObject>("/api/calendar/add-working-days?date=2026-12-31&days=1");
        Assert.Equal("2027-01-01", before!["due"]!.GetValue<string>());
        Assert.True(before["provisional"]!.GetValue<bool>());
        Assert.Equal([2027], before["assumedYears"]!.AsArray().Select(y => y!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/calendar/years/2027", response.Headers.Location?.OriginalString);
        var saved = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("admin-zhang", saved["loadedBy"]!.GetValue<string>());
        Assert.Equal(_factory.Clock.GetUtcNow(), saved["loadedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("2027-01-04", after!["due"]!.GetValue<string>());
        Assert.False(after["provisional"]!.GetValue<bool>());
        Assert.Equal(3, (await client.GetFromJsonAsync<JsonArray>("/api/calendar/years"))!.Count);
    }

    [Fact]
    public async Task Should_answer_200_and_use_the_correction_When_an_administrator_puts_a_year_read_from_get()
    {
        var client = Client(AdministratorKey);
        var year = (await client.GetFromJsonAsync<JsonObject>("/api/calendar/years/2026"))!;
        // Without the make-up Saturday 2026-02-14 the year has one working day fewer.
        year["makeUpWorkingDays"] = new JsonArray("2026-01-04", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        year["workingDaysInYear"] = 247;

        var response = await client.PutAsJsonAsync("/api/calendar/years/2026", year);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var due = await client.GetFromJsonAsync<JsonObject>("/api/calendar/add-working-days?date=2026-02-13&days=1");
        Assert.Equal("2026-02-24", due!["due"]!.GetValue<string>());
    }

    [Fact]
    public async Task Should_name_each_field_When_the_year_is_not_valid()
    {
        var body = new JsonObject
        {
            ["source"] = "",
            ["holidays"] = new JsonArray(
                new JsonObject { ["name"] = "New Year", ["from"] = "2027-01-03", ["to"] = "2027-01-01" },
                new JsonObject { ["name"] = "Labour Day", ["from"] = "2027-05-01", ["to"] = "2027-05-05", ["days"] = 4 },
                new JsonObject { ["name"] = "National Day", ["from"] = "2027-10-01", ["to"] = "2028-01-07" }),
            ["makeUpWorkingDays"] = new JsonArray("2027-01-05", "2027-05-02"),
        };

        var response = await Client(AdministratorKey).PutAsJsonAsync("/api/calendar/years/2027", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Errors(response);
        Assert.Equal(["holidays[0].to", "holidays[1].days", "holidays[2].to", "makeUpWorkingDays[0]", "makeUpWorkingDays[1]", "source"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("before it starts", errors["holidays[0].to"], StringComparison.Ordinal);
        Assert.Contains("is 5 days, not 4", errors["holidays[1].days"], StringComparison.Ordinal);
        Assert.Contains("2028-01-07 is not in 2027", errors["holidays[2].to"], StringComparison.Ordinal);
        Assert.Contains("Saturday or Sunday", errors["makeUpWorkingDays[0]"], StringComparison.Ordinal);
        Assert.Contains("inside holiday 'Labour Day'", errors["makeUpWorkingDays[1]"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.CreateClient().GetAsync("/api/calendar/years/2027")).StatusCode);
    }

    [Theory]
    [InlineData("""{"source":"x","holidays":[{"name":"A","from":"2027-13-01","to":"2027-01-01"}],"makeUpWorkingDays":[]}""", "holidays[0].from")]
    [InlineData("""{"source":"x","holidays":[{"name":"A","from":20270101,"to":"2027-01-01"}],"makeUpWorkingDays":[]}""", "holidays[0].from")]
    [InlineData("""{"source":"x","holidays":[{"name":"A","from":"2027-01-01","to":"2027-01-01"}],"makeupWorkdays":[]}""", "makeupWorkdays")]
    [InlineData("""{"source":"x","holidays":[{"name":"A","from":"2027-01-01","to":"2027-01-01"}]}""", "makeUpWorkingDays")]
    [InlineData("""{"year":2026,"source":"x","holidays":[{"name":"A","from":"2027-01-01","to":"2027-01-01"}],"makeUpWorkingDays":[]}""", "year")]
    [InlineData("""{"source":"x","holidays":[""", "holidays[0]")] // truncated: the problem points to where it stops
    public async Task Should_answer_a_problem_naming_the_field_When_the_body_is_malformed(string json, string field)
    {
        var response = await Client(AdministratorKey).PutAsync("/api/calendar/years/2027", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(field, (await Errors(response)).Keys);
    }

    [Fact]
    public async Task Should_list_exactly_the_working_days_When_asking_for_2025_01_20_to_2025_02_10()
    {
        var result = await _host.CreateClient().GetFromJsonAsync<JsonObject>("/api/calendar/working-days?from=2025-01-20&to=2025-02-10");

        string[] expected = ["2025-01-20", "2025-01-21", "2025-01-22", "2025-01-23", "2025-01-24", "2025-01-26", "2025-01-27",
            "2025-02-05", "2025-02-06", "2025-02-07", "2025-02-08", "2025-02-10"];
        Assert.Equal(expected, result!["days"]!.AsArray().Select(d => d!.GetValue<string>()));
        Assert.Equal(12, result["count"]!.GetValue<int>());
        Assert.False(result["provisional"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("2025-01-24", 1, "2025-01-26")]
    [InlineData("2025-09-30", 3, "2025-10-11")]
    [InlineData("2025-12-31", 1, "2026-01-04")]
    [InlineData("2026-02-13", 2, "2026-02-24")]
    [InlineData("2026-09-30", 5, "2026-10-13")]
    public async Task Should_return_the_due_date_When_adding_working_days_to_a_worked_example(string date, int days, string due)
    {
        var result = await _host.CreateClient().GetFromJsonAsync<JsonObject>($"/api/calendar/add-working-days?date={date}&days={days}");

        Assert.Equal(due, result!["due"]!.GetValue<string>());
        Assert.False(result["provisional"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("/api/calendar/add-working-days?date=2025-02-30&days=1", "date")]
    [InlineData("/api/calendar/add-working-days?days=1", "date")]
    [InlineData("/api/calendar/add-working-days?date=2025-01-24&days=-1", "days")]
    [InlineData("/api/calendar/add-working-days?date=2025-01-24&days=x", "days")]
    [InlineData("/api/calendar/add-working-days?date=2025-01-24&days=99999", "days")]
    [InlineData("/api/calendar/working-days?from=2025-02-10&to=2025-01-20", "to")]
    [InlineData("/api/calendar/working-days?from=2025-01-20", "to")]
    [InlineData("/api/calendar/working-days?from=20250120&to=2025-02-10", "from")]
    [InlineData("/api/calendar/working-days?from=2000-01-01&to=2030-01-01", "to")]
    public async Task Should_answer_a_validation_problem_naming_the_field_When_a_query_is_bad(string url, string field)
    {
        var response = await _host.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], (await Errors(response)).Keys);
    }

    [Fact]
    public async Task Should_warn_about_2027_in_November_and_not_after_it_is_saved_When_asking_for_warnings()
    {
        var client = Client(AdministratorKey);
        var march = await client.GetFromJsonAsync<JsonObject>("/api/calendar/warnings");
        _factory.Clock.Advance(new DateTimeOffset(2026, 11, 5, 2, 0, 0, TimeSpan.Zero) - _factory.Clock.GetUtcNow());

        var november = await client.GetFromJsonAsync<JsonObject>("/api/calendar/warnings");
        await client.PutAsJsonAsync("/api/calendar/years/2027", Year2027Body());
        var saved = await client.GetFromJsonAsync<JsonObject>("/api/calendar/warnings");

        Assert.Empty(march!["warnings"]!.AsArray());
        Assert.Equal("2026-11-05", november!["today"]!.GetValue<string>());
        Assert.Equal(2027, Assert.Single(november["warnings"]!.AsArray())!["year"]!.GetValue<int>());
        Assert.Empty(saved!["warnings"]!.AsArray());
    }

    private HttpClient Client(string key)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("ApiKey", key);
        return client;
    }

    private static JsonObject Year2027Body()
    {
        var year = Hypothetical2027();
        return new JsonObject
        {
            ["source"] = year.Source,
            ["holidays"] = new JsonArray([.. year.Holidays.Select(h => (JsonNode)new JsonObject { ["name"] = h.Name, ["from"] = Text(h.From), ["to"] = Text(h.To) })]),
            ["makeUpWorkingDays"] = new JsonArray([.. year.MakeUpWorkingDays.Select(d => (JsonNode)JsonValue.Create(Text(d)))]),
        };
    }

    private static async Task<Dictionary<string, string>> Errors(HttpResponseMessage response)
    {
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return problem["errors"]!.AsObject().ToDictionary(e => e.Key, e => string.Join(" ", e.Value!.AsArray().Select(m => m!.GetValue<string>())));
    }
}
