using System.Text.Json.Serialization;

namespace Hotline.Host.Api.Open311;

/// <summary>
/// A service (request type) of <c>GET services</c>: one subject of the appeal taxonomy (诉求分类). Field names and
/// meanings are GeoReport v2's.
/// </summary>
/// <param name="ServiceCode">The subject's code.</param>
/// <param name="ServiceName">The subject's name (占道经营).</param>
/// <param name="Description">The subject's place in the taxonomy (市容环境 › 占道经营).</param>
/// <param name="Metadata">Always true: every subject has a definition (case type, urgency, district, channel).</param>
/// <param name="Type">Always <c>realtime</c>: a case number is assigned when the request is posted.</param>
/// <param name="Keywords">Not used (null).</param>
/// <param name="Group">The Chinese name of the subject's default case type (投诉, 求助, 咨询, 举报, 建议, 表扬).</param>
public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("metadata")] bool Metadata,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("keywords")] string? Keywords,
    [property: JsonPropertyName("group")] string? Group);

/// <summary>The definition of a service (<c>GET services/{service_code}</c>): the attributes a request may carry.</summary>
/// <param name="ServiceCode">The subject's code.</param>
/// <param name="Attributes">The attributes, in <see cref="Open311AttributeDefinition.Order"/>.</param>
public sealed record Open311ServiceDefinition(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("attributes")] IReadOnlyList<Open311AttributeDefinition> Attributes);

/// <summary>An attribute of a service definition, posted as <c>attribute[code]=value</c>.</summary>
/// <param name="Variable">True: the client asks the citizen for a value.</param>
/// <param name="Code">The attribute's code (<c>case_type</c>).</param>
/// <param name="Datatype">string, number, datetime, text, singlevaluelist or multivaluelist.</param>
/// <param name="Required">Whether a request must carry it.</param>
/// <param name="DatatypeDescription">How to write a value.</param>
/// <param name="Order">Where a client shows it; 1 first.</param>
/// <param name="Description">What the attribute is, for the citizen (default included).</param>
/// <param name="Values">The choices of a list attribute; null (left out) for other datatypes.</param>
public sealed record Open311AttributeDefinition(
    [property: JsonPropertyName("variable")] bool Variable,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("required")] bool Required,
    [property: JsonPropertyName("datatype_description")] string? DatatypeDescription,
    [property: JsonPropertyName("order")] int Order,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("values"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Open311AttributeValue>? Values);

/// <summary>A choice of a list attribute.</summary>
/// <param name="Key">What the client posts (<c>Complaint</c>).</param>
/// <param name="Name">What the citizen sees (投诉).</param>
public sealed record Open311AttributeValue(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("name")] string Name);

/// <summary>
/// A service request (<c>GET requests</c>): one case as the public may see it. Never the citizen's name or telephone,
/// the case id, the internal status or anything about the handling beyond the lead unit.
/// </summary>
/// <param name="ServiceRequestId">The case number (<c>20261122-000123</c>).</param>
/// <param name="Status"><c>open</c>, or <c>closed</c> once the case is closed or was answered directly.</param>
/// <param name="StatusNotes">Where the case stands, in Chinese (已派单, 办理中, 待回访, 已办结...).</param>
/// <param name="ServiceName">The subject's name.</param>
/// <param name="ServiceCode">The subject's code (empty for a case not yet classified).</param>
/// <param name="Description">What the citizen reported, with telephone numbers and the citizen's name masked.</param>
/// <param name="AgencyResponsible">The lead unit's name (主办单位).</param>
/// <param name="RequestedDatetime">When the case was registered (ISO 8601, the hotline's offset).</param>
/// <param name="UpdatedDatetime">When the case last changed; the closing time of a closed case.</param>
/// <param name="ExpectedDatetime">The deadline (办理时限), if one is set.</param>
/// <param name="Address">The place, as given.</param>
/// <param name="Latitude">Not stored: always null.</param>
/// <param name="Longitude">Not stored: always null.</param>
/// <param name="MediaUrl">The absolute address of the case's first attachment (for those who may see the case: the submitting integrator, the centre's staff), or null.</param>
public sealed record Open311ServiceRequest(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("status_notes")] string? StatusNotes,
    [property: JsonPropertyName("service_name")] string? ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
    [property: JsonPropertyName("requested_datetime")] string RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] string? UpdatedDatetime,
    [property: JsonPropertyName("expected_datetime")] string? ExpectedDatetime,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("long")] double? Longitude,
    [property: JsonPropertyName("media_url")] string? MediaUrl);

/// <summary>The answer to <c>POST requests</c>.</summary>
/// <param name="ServiceRequestId">The new case's number.</param>
/// <param name="ServiceNotice">What happens next, in Chinese (the number and the expected time).</param>
/// <param name="AccountId">Accounts are not kept: always null.</param>
public sealed record Open311RequestCreated(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string? ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

/// <summary>The answer to <c>GET tokens/{token}</c>.</summary>
/// <param name="ServiceRequestId">The case number.</param>
/// <param name="Token">The token asked about (the case id).</param>
public sealed record Open311Token(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("token")] string Token);

/// <summary>An error, as GeoReport v2 reports them (a list of these).</summary>
/// <param name="Code">The HTTP status (400, 403, 404).</param>
/// <param name="Description">What is wrong, starting with the field at fault.</param>
public sealed record Open311Error(
    [property: JsonPropertyName("code")] int Code,
    [property: JsonPropertyName("description")] string Description);
