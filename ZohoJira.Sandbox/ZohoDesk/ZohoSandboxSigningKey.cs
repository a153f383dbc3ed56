using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The simulated Desk's webhook signing key (RS256) and its JWKS, as Zoho publishes at /.well-known/jwks.json.</summary>
public sealed class ZohoSandboxSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly JsonWebTokenHandler _handler = new();
    private int _jwksServed;

    public ZohoSandboxSigningKey()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "zj-sandbox-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) };
    }

    public string KeyId => _key.KeyId;

    /// <summary>How many times the JWKS was served: shows how often the app fetches it.</summary>
    public int JwksServed => Volatile.Read(ref _jwksServed);

    public string Jwks()
    {
        Interlocked.Increment(ref _jwksServed);
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = _key.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = jwk.Use, alg = jwk.Alg, n = jwk.N, e = jwk.E } },
        });
    }

    /// <summary>The X-ZDesk-JWT for one delivery: issuer orgId:&lt;org&gt;, audience webhookId:&lt;id&gt;, iat/exp in seconds.</summary>
    public string Sign(string orgId, string webhookId, DateTimeOffset now) =>
        _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = $"orgId:{orgId}",
            Audience = $"webhookId:{webhookId}",
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.AddMinutes(5).UtcDateTime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>Signs any claims JSON with this key, for tests that need well-signed tokens with odd claims.</summary>
    public string SignPayload(string claimsJson) =>
        _handler.CreateToken(claimsJson, new SigningCredentials(_key, SecurityAlgorithms.RsaSha256));

    public void Dispose() => _rsa.Dispose();
}
