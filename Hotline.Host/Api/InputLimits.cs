using System.Globalization;

namespace Hotline.Host.Api;

/// <summary>
/// The bounds every query and route value of the API is held to, so that no value reaches date arithmetic, paging or a
/// database parameter outside the range the code is written for: dates from 1900-01-01 to 2200-12-31 (a time zone's
/// offset or a day added at <see cref="DateOnly.MaxValue"/> would overflow), pages up to 10,000, and codes, numbers and
/// ids of at most 64 characters (the longest stored one is 32). A value outside is a 400 naming it.
/// </summary>
public static class InputLimits
{
    /// <summary>The earliest year a date may be in.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year a date may be in.</summary>
    public const int MaxYear = 2200;

    /// <summary>The longest query or route value (codes, case numbers, task ids, dates).</summary>
    public const int MaxValueLength = 64;

    /// <summary>The highest page number: with pages of 100 the offset stays far below <see cref="int.MaxValue"/>.</summary>
    public const int MaxPage = 10_000;

    /// <summary>Whether <paramref name="date"/> is between <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool InRange(DateOnly date) => date.Year is >= MinYear and <= MaxYear;

    /// <summary>Whether <paramref name="moment"/> is between <see cref="MinYear"/> and <see cref="MaxYear"/> (in UTC).</summary>
    public static bool InRange(DateTimeOffset moment) => moment.UtcDateTime.Year is >= MinYear and <= MaxYear;

    /// <summary>The message for a date out of range.</summary>
    public static string OutOfRange(string text) => $"'{text}' is out of range: dates are from {MinYear}-01-01 to {MaxYear}-12-31.";

    /// <summary>
    /// A <c>YYYY-MM-DD</c> date within range, or null with the error recorded under <paramref name="field"/>; a missing
    /// value is an error only when <paramref name="required"/>.
    /// </summary>
    public static DateOnly? Date(string? text, string field, Dictionary<string, string[]> errors, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
        {
            if (required)
                errors[field] = [$"'{field}' is required, as YYYY-MM-DD."];
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            errors[field] = [$"'{text}' is not a date in the form YYYY-MM-DD."];
        else if (!InRange(date))
            errors[field] = [OutOfRange(text)];
        else
            return date;
        return null;
    }

    /// <summary>
    /// Answers 400 naming the parameter for any route or query value longer than <see cref="MaxValueLength"/>, before
    /// the handler runs. For the API's endpoint groups (Open311 checks its own, answering in its own error format).
    /// </summary>
    public static TBuilder WithBoundedValues<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.ProducesValidationProblem().AddEndpointFilter(async (context, next) =>
        {
            var request = context.HttpContext.Request;
            var errors = new Dictionary<string, string[]>();
            foreach (var (name, value) in request.RouteValues)
            {
                if (value is string text && text.Length > MaxValueLength)
                    errors[name] = [$"'{name}' may be at most {MaxValueLength} characters."];
            }

            // A parameter the endpoint declares with a longer MaxLength (a citizen's words, an address) may use it.
            var declared = context.HttpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<OpenApi.QueryParameter>() ?? [];
            foreach (var (name, values) in request.Query)
            {
                var limit = Math.Max(MaxValueLength, declared.FirstOrDefault(p => p.Name == name)?.MaxLength ?? 0);
                if (name.Length > MaxValueLength)
                    errors["query"] = [$"A query parameter name may be at most {MaxValueLength} characters."];
                else if (values.Any(v => v?.Length > limit))
                    errors[name] = [$"'{name}' may be at most {limit} characters."];
            }

            return errors.Count > 0 ? Results.ValidationProblem(errors, title: "The request is not valid.") : await next(context);
        });
}
