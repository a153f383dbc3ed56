using System.Globalization;
using System.Text;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Where a changed-records walk stands: the modified-time window being read and the offset inside it. Encoded as
/// an opaque, persistable continuation string.</summary>
internal sealed record ZohoChangeCursor(DateTimeOffset WindowStart, DateTimeOffset WindowEnd, int From)
{
    private const string Version = "z1";

    public string Encode()
    {
        var text = string.Join('|', Version, WindowStart.UtcTicks.ToString(CultureInfo.InvariantCulture),
            WindowEnd.UtcTicks.ToString(CultureInfo.InvariantCulture), From.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ZohoChangeCursor Decode(string continuation)
    {
        try
        {
            var base64 = continuation.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(base64)).Split('|');
            if (parts.Length != 4 || parts[0] != Version)
            {
                throw new FormatException("Unknown continuation version.");
            }

            return new ZohoChangeCursor(
                new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero),
                new DateTimeOffset(long.Parse(parts[2], CultureInfo.InvariantCulture), TimeSpan.Zero),
                int.Parse(parts[3], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            throw new ArgumentException("The continuation is not one this client produced.", nameof(continuation), ex);
        }
    }
}
