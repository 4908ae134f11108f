namespace Hotline.Host.Api;

/// <summary>
/// Refuses a path or query string holding the NUL character (<c>%00</c>) with 400 naming the parameter, for every
/// endpoint, before routing (the one place this is checked for addresses; bodies are checked by their readers):
/// PostgreSQL cannot store or compare text with it, so such a value would otherwise fail in the database. Open311
/// answers in its own error format and checks its queries itself (<see cref="Open311.Open311RequestQuery"/>).
/// </summary>
public static class NulCharacterGuard
{
    /// <summary>Adds the guard to the pipeline.</summary>
    public static IApplicationBuilder UseNulCharacterGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/open311", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (context.Request.Path.Value?.Contains('\0', StringComparison.Ordinal) == true)
            {
                await Results.ValidationProblem(new Dictionary<string, string[]> { ["path"] = ["The address may not contain the NUL character."] },
                    title: "The request is not valid.").ExecuteAsync(context);
                return;
            }

            var bad = context.Request.Query.FirstOrDefault(q => q.Key.Contains('\0', StringComparison.Ordinal)
                || q.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));
            if (bad.Key is null)
            {
                await next(context);
                return;
            }

            var name = bad.Key.Replace("\0", "", StringComparison.Ordinal);
            await Results.ValidationProblem(
                new Dictionary<string, string[]> { [name.Length == 0 ? "query" : name] = ["The value may not contain the NUL character."] },
                title: "The request is not valid.").ExecuteAsync(context);
        });
}
