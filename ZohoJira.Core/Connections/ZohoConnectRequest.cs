namespace ZohoJira.Core.Connections;

/// <summary>The connection form: data center, the Self Client's id and secret, and the code generated for it.</summary>
public sealed record ZohoConnectRequest(string DataCenter, string ClientId, string ClientSecret, string Code)
{
    /// <summary>Never prints the secret or the code, so the request is safe to log.</summary>
    public override string ToString() => $"{DataCenter} / {ClientId}";
}
