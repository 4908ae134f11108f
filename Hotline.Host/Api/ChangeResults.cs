using Hotline.Domain.Administration;

namespace Hotline.Host.Api;

/// <summary>
/// How the administration endpoints answer a change: the record (200, or 201 for a create), 404, a 400 naming the bad
/// fields, 409 for a stale version (with the current one) and 409 for a refusal saying why and what to do first.
/// </summary>
public static class ChangeResults
{
    /// <summary>The answer to <paramref name="change"/>; <paramref name="view"/> shows the record.</summary>
    public static async Task<IResult> AnswerAsync<T>(Change<T> change, Func<T, Task<object>> view, string notFoundDetail, string? createdAt = null)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(view);
        return change.Outcome switch
        {
            ChangeOutcome.Done when createdAt is not null => Results.Created(createdAt, await view(change.Entity!)),
            ChangeOutcome.Done => Results.Ok(await view(change.Entity!)),
            ChangeOutcome.NotFound => NotFound(notFoundDetail),
            ChangeOutcome.Invalid => Results.ValidationProblem(change.Errors!, title: "The change is not valid."),
            ChangeOutcome.Stale => Stale(change.Reason, change.Entity?.Version),
            _ => Refused(change.Reason),
        };
    }

    /// <summary>The answer to <paramref name="change"/>, showing the record itself.</summary>
    public static Task<IResult> AnswerAsync<T>(Change<T> change, string notFoundDetail, string? createdAt = null)
        where T : class, IVersioned =>
        AnswerAsync(change, e => Task.FromResult<object>(e), notFoundDetail, createdAt);

    /// <summary>409: the record changed since the caller read it; <c>currentVersion</c> says its version now.</summary>
    public static IResult Stale(string? detail, int? currentVersion) =>
        Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Stale version", detail: detail,
            extensions: new Dictionary<string, object?> { ["currentVersion"] = currentVersion });

    /// <summary>409: refused in the record's state, saying why.</summary>
    public static IResult Refused(string? detail) => Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Refused", detail: detail);

    /// <summary>404 with <paramref name="detail"/>.</summary>
    public static IResult NotFound(string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    /// <summary>The "version" query value of a delete, or an error naming it.</summary>
    public static int? Version(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        if (int.TryParse(query["version"].FirstOrDefault(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version) && version >= 1)
            return version;
        errors["version"] = ["Send the version as you read it (?version=3)."];
        return null;
    }
}

/// <summary>A page of records.</summary>
/// <param name="Items">The records.</param>
/// <param name="Total">Records matching the filters.</param>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Records per page.</param>
public sealed record AdminPage<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
