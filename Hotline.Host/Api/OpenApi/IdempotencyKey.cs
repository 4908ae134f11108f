using Hotline.Domain.Persistence;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hotline.Host.Api.OpenApi;

/// <summary>Endpoint metadata: the operation honours an <c>Idempotency-Key</c> header; <paramref name="Repeat"/> says what a repeat answers.</summary>
public sealed record IdempotencyKey(string Repeat)
{
    /// <summary>The header's name.</summary>
    public const string Header = "Idempotency-Key";
}

/// <summary>Declares <see cref="IdempotencyKey"/> on an endpoint.</summary>
public static class IdempotencyKeyEndpointExtensions
{
    /// <summary>The endpoint honours an <c>Idempotency-Key</c>; <paramref name="repeat"/> says what a repeat answers.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder builder, string repeat) =>
        builder.WithMetadata(new IdempotencyKey(repeat));
}

/// <summary>The <c>Idempotency-Key</c> header parameter on the operations that declare <see cref="IdempotencyKey"/>.</summary>
public sealed class IdempotencyKeyOperationTransformer : IOpenApiOperationTransformer
{
    /// <inheritdoc />
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotencyKey>().FirstOrDefault() is not { } key)
            return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = $"Makes a retry safe: send a new unique value (a UUID) with each new request and the same value when retrying it. {key.Repeat} " +
                $"The key is scoped to the caller's credential; at most {IdempotencyKeys.MaxKeyLength} characters.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = IdempotencyKeys.MaxKeyLength },
            Example = "5f0c6d2e-8a41-4f7b-9d0e-2b7c1a9e3f10",
        });
        return Task.CompletedTask;
    }
}
