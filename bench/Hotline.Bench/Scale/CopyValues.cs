namespace Hotline.Bench.Scale;

/// <summary>One copy's own values: its ids, how far its moments move, its number and its citizen.</summary>
internal sealed class CopyValues
{
    public required Guid[] Guids { get; init; }

    public required string[] Hexes { get; init; }

    public required long ShiftTicks { get; init; }

    public required string Number { get; init; }

    public required string Name { get; init; }

    public required string Phone { get; init; }

    public required string Address { get; init; }

    public required string AddressKey { get; init; }

    public required string Content { get; init; }

    public string Text(Part part) => part switch
    {
        Part.Number => Number,
        Part.Name => Name,
        Part.Phone => Phone,
        Part.Address => Address,
        Part.AddressKey => AddressKey,
        Part.Content => Content,
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The copy's value of a template value, typed as the column stores it.</summary>
    public object? Value(ValueTemplate value)
    {
        if (value.GuidIndex >= 0)
            return Guids[value.GuidIndex];
        if (value.UtcTicks is { } ticks)
            return value.AsTicks ? ticks + ShiftTicks : value.AsDateTimeOffset ? new DateTimeOffset(ticks + ShiftTicks, TimeSpan.Zero) : new DateTime(ticks + ShiftTicks, DateTimeKind.Utc);
        return value.Segments is null ? value.Constant : TemplateRows.Render(value, this);
    }
}
