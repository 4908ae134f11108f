namespace Hotline.Host.Api.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>: the <c>/api</c> endpoints with their security, every status they
/// answer, their query parameters, enumerations by name and dates by format. Elsa Studio's API (<c>/elsa/api</c>) and the
/// designer's pages are an internal contract and excluded at their mapping. Open311 (GeoReport v2) is described too,
/// as it answers: JSON or XML by the path's format, errors as GeoReport error lists. Examples: starting a case, the
/// Idempotency-Key header and the problem-details errors. Shown to people at <c>/api/docs/</c> (<see cref="ApiReference"/>).
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    /// <summary>Adds the document and its transformers.</summary>
    public static IServiceCollection AddHotlineOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Hotline 12345 API";
                document.Info.Description = "Cases, inboxes, calendar and indicators for a 12345 government service hotline. People sign in with POST /api/auth/token " +
                    "and send Authorization: Bearer <token>; integrators send Authorization: ApiKey <key>. Errors are RFC 7807 problem details; a 400 names the bad fields, " +
                    "a 404 also answers what the caller may not see, a 409 refuses what the resource's state does not allow. Operations that create " +
                    "(POST /api/cases) take an Idempotency-Key header so that a retry cannot register a case twice. " +
                    "Open311 GeoReport v2 is under /open311/v2 (JSON or XML by the path's format; errors are GeoReport error lists).";
                return Task.CompletedTask;
            });
            o.AddDocumentTransformer<SecuritySchemesTransformer>();
            o.AddOperationTransformer<AuthorizationOperationTransformer>();
            o.AddOperationTransformer<QueryParameterTransformer>();
            o.AddOperationTransformer<IdempotencyKeyOperationTransformer>();
            o.AddOperationTransformer<CaseIntakeExampleTransformer>();
            o.AddOperationTransformer<ProblemExamplesTransformer>();
            o.AddSchemaTransformer<DeclaredValuesSchemaTransformer>();
            o.AddSchemaTransformer<OmittedPropertiesSchemaTransformer>();
            o.AddDocumentTransformer<JsonValueSchemaTransformer>();
        });
}
