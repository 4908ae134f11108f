using System.Globalization;

namespace Hotline.Host.Tests.Telemetry;

/// <summary>A Prometheus text exposition, read line by line: <c>name{label="value",...} number</c>.</summary>
public sealed class PrometheusText(string text)
{
    public string Text { get; } = text;

    /// <summary>The samples of <paramref name="name"/> whose labels include every one of <paramref name="labels"/> (<c>unit="DH-CG"</c>).</summary>
    public List<double> Samples(string name, params string[] labels) =>
        Text.Split('\n')
            .Where(line => line.Length > 0 && line[0] != '#')
            .Select(line => (Line: line, Name: line[..line.IndexOfAny(['{', ' '])]))
            .Where(s => s.Name == name && labels.All(l => s.Line.Contains(l, StringComparison.Ordinal)))
            .Select(s => s.Line[s.Name.Length] == '{' ? s.Line[(s.Line.LastIndexOf('}') + 1)..] : s.Line[s.Name.Length..])
            .Select(rest => double.Parse(rest.Trim().Split(' ')[0], CultureInfo.InvariantCulture))
            .ToList();

    /// <summary>The sum of the samples of <paramref name="name"/> with <paramref name="labels"/>; fails when there is none.</summary>
    public double Sum(string name, params string[] labels)
    {
        var samples = Samples(name, labels);
        Assert.True(samples.Count > 0, $"No sample of {name} {string.Join(",", labels)} in:\n{Text}");
        return samples.Sum();
    }
}
