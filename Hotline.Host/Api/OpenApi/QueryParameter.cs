namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// A query parameter that a handler reads and checks itself (so that a bad value is a 400 naming the field, not a binding
/// failure), declared for the OpenAPI document with its type, bounds and allowed values.
/// </summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Description">What it does, and its default.</param>
public sealed record QueryParameter(string Name, string Description)
{
    /// <summary><see cref="string"/>, <see cref="int"/>, <see cref="bool"/>, <see cref="DateOnly"/> or an enumeration (sent by name).</summary>
    public Type Type { get; init; } = typeof(string);

    /// <summary>Whether the request is refused without it.</summary>
    public bool Required { get; init; }

    /// <summary>The smallest whole number accepted.</summary>
    public int? Minimum { get; init; }

    /// <summary>The largest whole number accepted.</summary>
    public int? Maximum { get; init; }

    /// <summary>The longest string accepted.</summary>
    public int? MaxLength { get; init; }

    /// <summary>The only values accepted, for a string.</summary>
    public IReadOnlyList<string>? Values { get; init; }

    /// <summary>The pattern a string matches (ECMA-262).</summary>
    public string? Pattern { get; init; }

    /// <summary>The value used when the parameter is absent.</summary>
    public string? Default { get; init; }

    /// <summary>A date, <c>YYYY-MM-DD</c>.</summary>
    public static QueryParameter Date(string name, string description, bool required = false) =>
        new(name, description) { Type = typeof(DateOnly), Required = required };

    /// <summary>The page number, from 1 (default 1).</summary>
    public static QueryParameter Page { get; } = new("page", "The page, from 1.") { Type = typeof(int), Minimum = 1, Default = "1" };

    /// <summary>The page size, 1 to 100 (default 20).</summary>
    public static QueryParameter PageSize { get; } = new("pageSize", "Items per page.") { Type = typeof(int), Minimum = 1, Maximum = 100, Default = "20" };
}

/// <summary>Declares <see cref="QueryParameter"/>s on an endpoint.</summary>
public static class QueryParameterEndpointExtensions
{
    /// <summary>Adds the parameters to the endpoint's metadata, for <see cref="QueryParameterTransformer"/>.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, params QueryParameter[] parameters) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata([.. parameters]);
}
