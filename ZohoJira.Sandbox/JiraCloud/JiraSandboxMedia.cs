using System.Security.Cryptography;
using System.Text;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>The simulated media host's pre-signed download links (Jira redirects attachment downloads to a separate host
/// with a short-lived signed URL; the site's credentials are not needed there and must not be sent there).</summary>
internal sealed class JiraSandboxMedia
{
    public const string HostPrefix = "jira-media.";

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private int _served;

    /// <summary>How many downloads the media host served (tests check that the client never came here).</summary>
    public int Served => Volatile.Read(ref _served);

    public void CountServed() => Interlocked.Increment(ref _served);

    public string Sign(string attachmentId) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(attachmentId)));

    public bool Verify(string attachmentId, string? token) =>
        token is { Length: 64 } && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(attachmentId)), Encoding.ASCII.GetBytes(token));

    /// <summary>The media host for a request host: <c>jira-media.localhost</c> (any *.localhost name is the loopback).</summary>
    public static string MediaHost(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var port = request.Host.Port is { } p ? ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty;
        return HostPrefix + "localhost" + port;
    }
}
