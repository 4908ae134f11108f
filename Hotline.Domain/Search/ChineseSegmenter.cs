using System.Diagnostics;
using System.Globalization;
using JiebaNet.Segmenter;

namespace Hotline.Domain.Search;

/// <summary>
/// Cuts Chinese text into words with jieba.NET for the full-text index: the index stores the words of each text separated
/// by spaces (<see cref="IndexText"/>), and a query is cut the same way (<see cref="QueryTerms"/>), so each database's
/// own tokenizer only has to split on spaces.
/// </summary>
/// <remarks>
/// Both sides use jieba's search mode, which adds the dictionary words inside a long word (住房公积金 → 住房, 公积, 积金,
/// 公积金): a query for 公积金 finds 住房公积金. The dictionary (<c>jieba/dict.txt</c> and the HMM tables beside the
/// assembly, copied from the package at build) is loaded once per process, on first use: about 0.3 s and 34 MiB.
/// </remarks>
public sealed class ChineseSegmenter
{
    /// <summary>The most terms a query is cut into; the rest is ignored.</summary>
    public const int MaxQueryTerms = 24;

    /// <summary>The folder, beside the assembly, that holds jieba's dictionary files.</summary>
    public const string DictionaryFolder = "jieba";

    private static readonly Lazy<ChineseSegmenter> Loaded = new(() => new ChineseSegmenter(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly JiebaSegmenter _jieba;
    private readonly HashSet<string> _stopWords;

    private ChineseSegmenter()
    {
        var started = Stopwatch.GetTimestamp();
        var directory = Path.Combine(AppContext.BaseDirectory, DictionaryFolder);
        if (!File.Exists(Path.Combine(directory, "dict.txt")))
            throw new FileNotFoundException($"jieba's dictionary is missing from {directory}: it is copied there from the jieba.NET package when Hotline.Domain builds.");
        // jieba.NET reads its files from one process-wide folder, set before its dictionary loads.
        ConfigManager.ConfigFileBaseDir = directory;
        _jieba = new JiebaSegmenter();
        _ = _jieba.Cut("预热").Count();
        _stopWords = new HashSet<string>(File.ReadLines(Path.Combine(directory, "stopwords.txt")).Select(w => w.Trim()).Where(w => w.Length > 0), StringComparer.OrdinalIgnoreCase);
        LoadTime = Stopwatch.GetElapsedTime(started);
    }

    /// <summary>The process's segmenter; the first call loads the dictionary.</summary>
    public static ChineseSegmenter Instance => Loaded.Value;

    /// <summary>How long loading the dictionary took.</summary>
    public TimeSpan LoadTime { get; }

    /// <summary>The words of <paramref name="text"/> for the index, separated by spaces (punctuation left out); empty for no text.</summary>
    public string IndexText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : string.Join(' ', _jieba.CutForSearch(text).Where(IsWord));

    /// <summary>
    /// The distinct words of a query, at most <see cref="MaxQueryTerms"/>. Stop words (的, 了, 怎么...) are left out unless
    /// the query has nothing else; punctuation always. Empty when the query has no word at all.
    /// </summary>
    public IReadOnlyList<string> QueryTerms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var words = _jieba.CutForSearch(text).Where(IsWord).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var meaningful = words.Where(w => !_stopWords.Contains(w)).ToList();
        return (meaningful.Count > 0 ? meaningful : words).Take(MaxQueryTerms).ToList();
    }

    /// <summary>A word has a letter or a digit: jieba also returns spaces and punctuation as words.</summary>
    private static bool IsWord(string token) => token.Any(c => char.GetUnicodeCategory(c) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    });
}
