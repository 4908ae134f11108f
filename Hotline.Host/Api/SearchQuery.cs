using Hotline.Domain.Search;

namespace Hotline.Host.Api;

/// <summary>The <c>q</c> of a full-text search: words to look for, cut as the index was (<see cref="ChineseSegmenter"/>).</summary>
public static class SearchQuery
{
    /// <summary>The longest query: the bound of every query value (<see cref="InputLimits.MaxValueLength"/>).</summary>
    public const int MaxLength = 200;

    /// <summary>
    /// The words of <paramref name="text"/>, or null when it is absent or bad: longer than <see cref="MaxLength"/>, or
    /// without a word (only spaces and punctuation), recorded under <paramref name="field"/>.
    /// </summary>
    public static IReadOnlyList<string>? Terms(string? text, ChineseSegmenter segmenter, Dictionary<string, string[]> errors, string field = "q")
    {
        ArgumentNullException.ThrowIfNull(segmenter);
        ArgumentNullException.ThrowIfNull(errors);
        if (string.IsNullOrEmpty(text))
            return null;
        if (text.Length > MaxLength)
        {
            errors[field] = [$"'{field}' may be at most {MaxLength} characters."];
            return null;
        }

        var terms = segmenter.QueryTerms(text);
        if (terms.Count > 0)
            return terms;
        errors[field] = [$"'{field}' has no word to search for, only spaces or punctuation."];
        return null;
    }
}
