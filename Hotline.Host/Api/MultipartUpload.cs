using Hotline.Domain.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Hotline.Host.Api;

/// <summary>
/// A multipart/form-data body read section by section: each file part of the expected name is streamed into a
/// <see cref="StagedFile"/> (its size checked while it is read, never held whole in memory), the other parts are kept as
/// short text fields. Dispose it to delete the staged files.
/// </summary>
internal sealed class MultipartUpload : IAsyncDisposable
{
    private const int MaxFieldLength = 4000;
    private const int MaxFields = 200;

    private MultipartUpload()
    {
    }

    /// <summary>The files of the expected part name, in order.</summary>
    public List<StagedFile> Files { get; } = [];

    /// <summary>The text fields, in order (a name may repeat).</summary>
    public List<KeyValuePair<string, string>> Fields { get; } = [];

    /// <summary>The last value of a field, trimmed, or null when missing or blank.</summary>
    public string? Field(string name) =>
        Fields.LastOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>Whether the request carries a multipart/form-data body.</summary>
    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads the body (at most <paramref name="maxFiles"/> files); the upload, or the field (<paramref name="fileField"/> for
    /// files) and the message of why it is refused.
    /// </summary>
    public static async Task<(MultipartUpload? Upload, string? Field, string? Error)> ReadAsync(
        HttpRequest request, string fileField, int maxFiles, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !IsMultipart(request) ||
            HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 } boundary)
            return (null, fileField, $"Send multipart/form-data with one or more '{fileField}' parts.");
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = (uploads.MaxBytes + 64 * 1024) * maxFiles;
        var upload = new MultipartUpload();
        try
        {
            var error = await upload.ReadSectionsAsync(new MultipartReader(boundary, request.Body) { HeadersLengthLimit = 16 * 1024 }, fileField, maxFiles, uploads, cancellationToken);
            if (error is null)
                return (upload, null, null);
            await upload.DisposeAsync();
            return (null, error.Value.Field, error.Value.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            await upload.DisposeAsync();
            return (null, fileField, "The multipart body cannot be read: " + e.Message);
        }
    }

    private async Task<(string Field, string Message)?> ReadSectionsAsync(MultipartReader reader, string fileField, int maxFiles, AttachmentUploads uploads, CancellationToken cancellationToken)
    {
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                return (fileField, "Every part needs a Content-Disposition: form-data header.");
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (!disposition.IsFileDisposition())
            {
                if (Fields.Count == MaxFields)
                    return (name, $"At most {MaxFields} fields.");
                using var text = new StreamReader(section.Body);
                var buffer = new char[MaxFieldLength + 1];
                var length = await text.ReadBlockAsync(buffer, cancellationToken);
                if (length > MaxFieldLength)
                    return (name, $"At most {MaxFieldLength} characters.");
                Fields.Add(new(name, new string(buffer, 0, length)));
                continue;
            }

            if (!string.Equals(name, fileField, StringComparison.Ordinal))
                return (name, $"Unknown file part; send files as '{fileField}'.");
            if (Files.Count == maxFiles)
                return (fileField, maxFiles == 1 ? "One file at most." : $"At most {maxFiles} files at once.");
            var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
            if (await uploads.StageAsync(section.Body, fileName, cancellationToken) is not { } staged)
                return (fileField, $"'{fileName}' is larger than {uploads.MaxBytes} bytes.");
            Files.Add(staged);
        }

        return null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var file in Files)
            await file.DisposeAsync();
    }
}
