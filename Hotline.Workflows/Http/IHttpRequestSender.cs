using System.Net.Http;

namespace Hotline.Workflows.Http;

/// <summary>
/// Sends the HTTP requests of workflows (Elsa.SendHttpRequest, Elsa.FlowSendHttpRequest). Implementations keep
/// requests away from internal addresses (<see cref="HttpAddressGuard"/>): a refused request throws
/// <see cref="HttpAddressNotAllowedException"/>, directly or as the inner exception of an <see cref="HttpRequestException"/>.
/// </summary>
public interface IHttpRequestSender
{
    /// <summary>Sends the request and reads the response's content. A timeout throws <see cref="TaskCanceledException"/>.</summary>
    Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken);
}
