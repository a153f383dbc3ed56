using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace ZohoJira.Core.Jira.Http.Wire;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(WireUser))]
[JsonSerializable(typeof(WireProjectPage))]
[JsonSerializable(typeof(List<WireField>))]
[JsonSerializable(typeof(WireCreateMetaIssueTypes))]
[JsonSerializable(typeof(WireCreateMetaFields))]
[JsonSerializable(typeof(WireEditMeta))]
[JsonSerializable(typeof(List<WireIssueTypeWithStatus>))]
[JsonSerializable(typeof(List<WireUser>))]
[JsonSerializable(typeof(WireIssue))]
[JsonSerializable(typeof(WireSearchResults))]
[JsonSerializable(typeof(WireIssueUpdate))]
[JsonSerializable(typeof(WireCreatedIssue))]
[JsonSerializable(typeof(WireTransitions))]
[JsonSerializable(typeof(List<WireAttachment>))]
[JsonSerializable(typeof(WireComment))]
[JsonSerializable(typeof(WireCommentPage))]
[JsonSerializable(typeof(WireCommentRequest))]
[JsonSerializable(typeof(WireRemoteLinkRequest))]
[JsonSerializable(typeof(WireRemoteLinkIdentifies))]
[JsonSerializable(typeof(List<WireRemoteLink>))]
[JsonSerializable(typeof(WireEntityProperty))]
[JsonSerializable(typeof(WireWebhook))]
[JsonSerializable(typeof(List<WireWebhook>))]
[JsonSerializable(typeof(WireErrorCollection))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class JiraWireJsonContext : JsonSerializerContext;
