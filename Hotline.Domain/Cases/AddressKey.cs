using System.Text;

namespace Hotline.Domain.Cases;

/// <summary>
/// Reduces an address to a comparison key, so that 东湖区 新华路12号 and 东湖区新华路１２号 are the same place:
/// full-width letters and digits become ASCII, letters lower case, and whitespace and punctuation go.
/// </summary>
public static class AddressKey
{
    /// <summary>The key; null when nothing is left.</summary>
    public static string? Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return null;
        var builder = new StringBuilder(address.Length);
        foreach (var raw in address.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(raw) || char.IsPunctuation(raw) || char.IsSymbol(raw))
                continue;
            builder.Append(char.ToLowerInvariant(raw));
        }

        return builder.Length == 0 ? null : builder.ToString();
    }
}
