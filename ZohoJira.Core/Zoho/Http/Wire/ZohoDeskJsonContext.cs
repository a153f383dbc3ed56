using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZohoJira.Core.Zoho.Http.Wire;

/// <summary>Source-generated JSON for the Zoho wire shapes: camelCase, nulls left out when writing, numbers accepted as
/// strings (Zoho sends counts and sizes as strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ZohoErrorBody))]
[JsonSerializable(typeof(ZohoTokenResponse))]
[JsonSerializable(typeof(ZohoDataList<ZohoOrganizationDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoCommentDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoAttachmentDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoThreadDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoFieldDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoWebhookDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoOrganizationModuleDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoDepartmentDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoAgentDto>))]
[JsonSerializable(typeof(ZohoDataList<ZohoLayoutDto>))]
[JsonSerializable(typeof(ZohoLayoutDto))]
[JsonSerializable(typeof(ZohoCommentDto))]
[JsonSerializable(typeof(ZohoCommentRequestDto))]
[JsonSerializable(typeof(ZohoAttachmentDto))]
[JsonSerializable(typeof(ZohoThreadDto))]
[JsonSerializable(typeof(ZohoWebhookDto))]
[JsonSerializable(typeof(JsonObject))]
internal sealed partial class ZohoDeskJsonContext : JsonSerializerContext;
