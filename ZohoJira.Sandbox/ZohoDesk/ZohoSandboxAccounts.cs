using System.Security.Cryptography;
using ZohoJira.Core.Connections;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>The simulated Zoho Accounts server: one Self Client, single-use grant codes that expire, one-hour access tokens
/// on the app's clock, refresh tokens that live until revoked, and Zoho's errors (<c>invalid_code</c> with HTTP 200).</summary>
public sealed class ZohoSandboxAccounts(TimeProvider time)
{
    /// <summary>The sandbox Self Client's id (the real ones look like <c>1000.XXXX</c>).</summary>
    public const string ClientId = "1000.SANDBOXSELFCLIENT0000000000ZJ";

    public const string ClientSecret = "sandbox0secret0000000000000000000000000000";

    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DateTimeOffset ExpiresAt, string Scopes)> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string RefreshToken, DateTimeOffset ExpiresAt)> _accessTokens = new(StringComparer.Ordinal);
    private int _refreshCount;
    private int _exchangeCount;

    /// <summary>How many refresh grants were answered with a token.</summary>
    public int RefreshCount => Volatile.Read(ref _refreshCount);

    public int ExchangeCount => Volatile.Read(ref _exchangeCount);

    /// <summary>What Zoho's API console does on "Generate Code": a one-time grant code for the Self Client, for the given
    /// comma-separated scopes (by default the ones the connector asks for). Tokens from it can call only what the scopes
    /// allow.</summary>
    public SandboxSelfClientCode GenerateCode(TimeSpan? validFor = null, string? scopes = null)
    {
        var code = "1000." + Hex(16) + "." + Hex(16);
        lock (_lock)
        {
            _codes[code] = (time.GetUtcNow() + (validFor ?? TimeSpan.FromMinutes(10)), scopes ?? ZohoScopes.CommaSeparated);
        }

        return new SandboxSelfClientCode(ClientId, ClientSecret, code);
    }

    internal Dictionary<string, object> Token(IReadOnlyDictionary<string, string> form)
    {
        form.TryGetValue("grant_type", out var grant);
        form.TryGetValue("client_id", out var clientId);
        form.TryGetValue("client_secret", out var secret);
        if (clientId != ClientId)
        {
            return Error("invalid_client");
        }

        if (secret != ClientSecret)
        {
            return Error("invalid_client_secret");
        }

        var now = time.GetUtcNow();
        lock (_lock)
        {
            switch (grant)
            {
                case "authorization_code":
                    if (!form.TryGetValue("code", out var code) || !_codes.Remove(code, out var issued) || issued.ExpiresAt < now)
                    {
                        return Error("invalid_code");
                    }

                    var refresh = "1000." + Hex(16) + "." + Hex(16);
                    _refreshTokens[refresh] = issued.Scopes;
                    Interlocked.Increment(ref _exchangeCount);
                    var answer = Issue(refresh, now);
                    answer["refresh_token"] = refresh;
                    return answer;
                case "refresh_token":
                    if (!form.TryGetValue("refresh_token", out var token) || !_refreshTokens.ContainsKey(token))
                    {
                        return Error("invalid_code");
                    }

                    Interlocked.Increment(ref _refreshCount);
                    return Issue(token, now);
                default:
                    return Error("unsupported_grant_type");
            }
        }
    }

    internal bool Revoke(string? refreshToken)
    {
        lock (_lock)
        {
            if (refreshToken is null || !_refreshTokens.Remove(refreshToken))
            {
                return false;
            }

            foreach (var access in _accessTokens.Where(a => a.Value.RefreshToken == refreshToken).Select(a => a.Key).ToList())
            {
                _accessTokens.Remove(access);
            }

            return true;
        }
    }

    internal SandboxTokenCheck Check(string accessToken)
    {
        lock (_lock)
        {
            if (!_accessTokens.TryGetValue(accessToken, out var entry))
            {
                return SandboxTokenCheck.Unknown;
            }

            return entry.ExpiresAt <= time.GetUtcNow() ? SandboxTokenCheck.Expired : SandboxTokenCheck.Valid;
        }
    }

    /// <summary>The scopes an access token was granted (those of the code its refresh token came from).</summary>
    internal IReadOnlySet<string> ScopesOf(string accessToken)
    {
        lock (_lock)
        {
            return _accessTokens.TryGetValue(accessToken, out var entry) && _refreshTokens.TryGetValue(entry.RefreshToken, out var scopes)
                ? ZohoScopes.Parse(scopes)
                : new HashSet<string>();
        }
    }

    /// <summary>Makes every access token issued so far invalid (Zoho then answers INVALID_OAUTH), as if they were evicted.</summary>
    public void InvalidateAccessTokens()
    {
        lock (_lock)
        {
            _accessTokens.Clear();
        }
    }

    /// <summary>Revokes every refresh token, as an admin would in Zoho's console.</summary>
    public void RevokeAll()
    {
        lock (_lock)
        {
            _refreshTokens.Clear();
            _accessTokens.Clear();
        }
    }

    private Dictionary<string, object> Issue(string refreshToken, DateTimeOffset now)
    {
        var access = "1000." + Hex(16) + "." + Hex(16);
        _accessTokens[access] = (refreshToken, now + AccessTokenLifetime);
        return new Dictionary<string, object>
        {
            ["access_token"] = access,
            ["api_domain"] = "https://www.zohoapis.com",
            ["token_type"] = "Bearer",
            ["expires_in"] = (int)AccessTokenLifetime.TotalSeconds,
        };
    }

    private static Dictionary<string, object> Error(string error) => new() { ["error"] = error };

    private static string Hex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
