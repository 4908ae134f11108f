using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// Makes the schemas of free JSON true to what is sent. A <c>JsonNode</c> is any JSON value and a <c>JsonObject</c> an
/// object with any properties. The generator writes a nullable reference as <c>oneOf: [null, X]</c>, which fails for
/// <c>null</c> whenever X admits null too (as the schema of any JSON value does); <c>anyOf</c> says "null or X" for every X.
/// </summary>
public sealed class JsonValueSchemaTransformer : IOpenApiDocumentTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schemas = document.Components?.Schemas;
        if (schemas is null)
            return Task.CompletedTask;
        if (schemas.TryGetValue("JsonNode", out var node) && node is OpenApiSchema anyValue)
            anyValue.Description = "Any JSON value.";
        if (schemas.TryGetValue("JsonObject", out var obj) && obj is OpenApiSchema anyObject)
        {
            anyObject.Type = JsonSchemaType.Object;
            anyObject.AdditionalPropertiesAllowed = true;
            anyObject.AdditionalProperties = new OpenApiSchema();
            anyObject.Description = "A JSON object with any properties.";
        }

        var seen = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in schemas.Values)
            Visit(schema, seen);
        return Task.CompletedTask;
    }

    private static void Visit(IOpenApiSchema? candidate, HashSet<OpenApiSchema> seen)
    {
        if (candidate is not OpenApiSchema schema || !seen.Add(schema))
            return;
        if (schema.OneOf is { Count: 2 } oneOf && oneOf.Any(s => s is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = oneOf;
            schema.OneOf = null;
        }

        foreach (var child in (schema.Properties?.Values ?? []).Concat(schema.AnyOf ?? []).Concat(schema.AllOf ?? []).Concat(schema.OneOf ?? []))
            Visit(child, seen);
        Visit(schema.Items, seen);
        Visit(schema.AdditionalProperties, seen);
    }
}
