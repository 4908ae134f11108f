namespace Hotline.Workbench.Administration;

/// <summary>
/// How an administration form marks a field the service refused: <c>aria-invalid</c> and <c>aria-describedby</c> pointing
/// at the <c>FieldErrors</c> element of each refused field (<see cref="Prefix"/> + the field's key).
/// </summary>
public static class AdminFieldErrors
{
    /// <summary>The start of every administration error element's id.</summary>
    public const string Prefix = "wb-admin-error-";

    /// <summary><c>aria-invalid</c>: whether any of <paramref name="fields"/> was refused.</summary>
    public static string Invalid(IReadOnlyDictionary<string, string[]> errors, params string[] fields) =>
        fields.Any(errors.ContainsKey) ? "true" : "false";

    /// <summary><c>aria-describedby</c>: the error elements of the refused <paramref name="fields"/>, or null.</summary>
    public static string? DescribedBy(IReadOnlyDictionary<string, string[]> errors, params string[] fields)
    {
        var ids = string.Join(" ", fields.Where(errors.ContainsKey).Select(f => Prefix + f));
        return ids.Length == 0 ? null : ids;
    }
}
