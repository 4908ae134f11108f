using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>Writes the <see cref="QueryParameter"/>s of an endpoint into its operation, replacing what the generator inferred.</summary>
public sealed class QueryParameterTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var declared = context.Description.ActionDescriptor.EndpointMetadata.OfType<QueryParameter>().ToList();
        if (declared.Count == 0)
            return Task.CompletedTask;
        operation.Parameters ??= [];
        foreach (var parameter in declared)
        {
            var inferred = operation.Parameters.Where(p => p.In == ParameterLocation.Query && p.Name == parameter.Name).ToList();
            foreach (var old in inferred)
                operation.Parameters.Remove(old);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = parameter.Name,
                In = ParameterLocation.Query,
                Required = parameter.Required,
                Description = parameter.Description,
                Schema = Schema(parameter),
            });
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Schema(QueryParameter parameter)
    {
        var type = parameter.Type;
        var schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = parameter.Pattern, MaxLength = parameter.MaxLength };
        if (type == typeof(int))
        {
            schema.Type = JsonSchemaType.Integer;
            schema.Format = "int32";
            schema.Minimum = parameter.Minimum?.ToString(CultureInfo.InvariantCulture);
            schema.Maximum = parameter.Maximum?.ToString(CultureInfo.InvariantCulture);
        }
        else if (type == typeof(bool))
        {
            schema.Type = JsonSchemaType.Boolean;
        }
        else if (type == typeof(DateOnly))
        {
            schema.Format = "date";
        }
        else if (type.IsEnum)
        {
            schema.Enum = [.. Enum.GetNames(type).Select(n => (JsonNode)n)];
        }
        else if (parameter.Values is { } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)v)];
        }

        if (parameter.Default is { } value)
            schema.Default = schema.Type == JsonSchemaType.Integer ? int.Parse(value, CultureInfo.InvariantCulture) : value;
        return schema;
    }
}
