namespace Hotline.Domain.Indicators;

/// <summary>The indicators in the order the API lists them, each with its key (the JSON name) and Chinese name.</summary>
public static class IndicatorNames
{
    /// <summary>The figures of <paramref name="figures"/> with their keys and names, in the API's order.</summary>
    public static IReadOnlyList<NamedFigure> Of(IndicatorFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return
        [
            new("onTimeCompletion", "按期办结率", figures.OnTimeCompletion),
            new("completion", "办结率", figures.Completion),
            new("satisfaction", "满意率", figures.Satisfaction),
            new("resolution", "解决率", figures.Resolution),
            new("callback", "回访率", figures.Callback),
            new("timelySignFor", "签收及时率", figures.TimelySignFor),
            new("return", "退单率", figures.Return),
            new("extension", "延期率", figures.Extension),
            new("rehandle", "重办率", figures.Rehandle),
            new("directAnswer", "直接办结率", figures.DirectAnswer),
            new("citizenSatisfaction", "好差评满意率", figures.CitizenSatisfaction),
        ];
    }

    /// <summary>A rate as a percentage rounded to 2 decimal places (0.8667 → 86.67); null for no rate.</summary>
    public static double? Percent(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return figure.Rate is { } rate ? Math.Round(rate * 100, 2, MidpointRounding.AwayFromZero) : null;
    }
}

/// <summary>One indicator with its key (<c>onTimeCompletion</c>…) and Chinese name (按期办结率…).</summary>
public sealed record NamedFigure(string Key, string Name, Figure Figure);
