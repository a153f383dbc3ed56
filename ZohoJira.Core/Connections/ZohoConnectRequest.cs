namespace ZohoJira.Core.Connections;

/// <summary>The connection form: data center, the Self Client's id and secret, and the code generated for it.</summary>
public sealed record ZohoConnectRequest(string DataCenter, string ClientId, string ClientSecret, string Code);
