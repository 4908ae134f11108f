namespace Hotline.Domain;

/// <summary>Reads an enumeration value by its name, as people and definitions write it.</summary>
public static class EnumNames
{
    /// <summary>
    /// The value named by <paramref name="text"/> (case ignored, surrounding spaces ignored); false for an empty text, an
    /// unknown name or a number — <c>Enum.TryParse</c> alone would take "3" or " 3" for a value nobody named.
    /// </summary>
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var name = text?.Trim();
        return !string.IsNullOrEmpty(name) && !char.IsAsciiDigit(name[0]) && name[0] != '-' && name[0] != '+'
            && Enum.TryParse(name, ignoreCase: true, out value) && Enum.IsDefined(value);
    }
}
