namespace Hotline.Host.Api.OpenApi;

/// <summary>Declares a JSON request body and the answers of a handler that reads it strictly (<see cref="ApiBody"/>).</summary>
public static class JsonBodyEndpointExtensions
{
    /// <summary>
    /// The body is <typeparamref name="TBody"/> as <c>application/json</c>; a malformed, mistyped or unknown field is a 400,
    /// an oversized body a 413, another media type a 415.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder, bool optional = false) where TBody : notnull =>
        builder.Accepts<TBody>(optional, "application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
}
