using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Jira.Webhooks;
using ZohoJira.Core.Sync;
using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Core.Zoho;
using ZohoJira.Tests.Infrastructure;
using ZohoJira.Web.Endpoints;

namespace ZohoJira.Tests.Web.Webhooks;

/// <summary>Thousands of generated requests (fixed seed) at everything a vendor or a stranger can reach without signing in:
/// random bytes, truncated and deeply nested JSON, huge and chunked bodies, wrong JSON types in every field, missing, bad,
/// foreign, replayed and valid signatures. No answer may be a 5xx, and nothing may be stored from a request that was not
/// properly signed.</summary>
public sealed class WebhookFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261203;
    private const int Requests = 3000;
    private static readonly Uri SiteUrl = new("http://localhost" + JiraSandboxAccounts.SitePath);

    [Fact]
    public async Task Receivers_AnswerGeneratedInput_WithoutA5xx_AndStoreOnlyWellSignedDeliveries()
    {
        await using var app = new ZohoJiraAppFactory().InEnvironment("Production").Start();
        await ZohoSandboxConnection.ConnectAsync(app);
        var connections = app.Services.GetRequiredService<JiraConnectionService>();
        await connections.SaveAsync(SiteUrl.ToString(), JiraSandboxAccounts.ConnectorEmail, JiraSandboxAccounts.ConnectorApiToken);
        var jiraSecret = (await connections.GetManualInstructionsAsync(JiraWebhookEndpoints.ReceiverUrl(app.Services))).Secret;
        var zohoUrl = await ZohoWebhookReceivingTests.UrlAsync(app);
        var zohoKey = app.Services.GetRequiredService<ZohoSandboxSigningKey>();
        using var foreignKey = new ZohoSandboxSigningKey();

        var fuzz = new Fuzz(new Random(Seed), app.Time);
        var histogram = new SortedDictionary<string, SortedDictionary<int, int>>(StringComparer.Ordinal);
        var wellSigned = new List<string>();
        var consumedTokens = new List<string>();
        using var http = app.CreateClient();
        app.Logs.Clear();

        for (var i = 0; i < Requests; i++)
        {
            var kind = fuzz.Rng.Next(10);
            string endpoint;
            string? freshToken = null;
            using var request = new HttpRequestMessage();
            if (kind < 4)
            {
                endpoint = "POST /webhooks/zoho/{token}";
                var (body, content) = fuzz.ZohoBody();
                request.Method = HttpMethod.Post;
                request.RequestUri = new Uri(zohoUrl, UriKind.Relative);
                request.Content = content;
                var (jwt, valid) = ZohoToken(fuzz, zohoKey, foreignKey, consumedTokens);
                if (jwt is not null)
                {
                    request.Headers.TryAddWithoutValidation("X-ZDesk-JWT", jwt);
                }

                if (valid && body is not null)
                {
                    wellSigned.Add(body);

                    // An empty array is Zoho's address probe, answered before the token is looked at.
                    freshToken = body.Trim() is "" or "[]" ? null : jwt;
                }
            }
            else if (kind < 8)
            {
                endpoint = "POST /webhooks/jira";
                var (body, content) = fuzz.JiraBody();
                request.Method = HttpMethod.Post;
                request.RequestUri = new Uri(JiraWebhookEndpoints.Path, UriKind.Relative);
                request.Content = content;
                var signature = fuzz.Rng.Next(6);
                var bytes = body is null ? null : Encoding.UTF8.GetBytes(body);
                switch (signature)
                {
                    case 0:
                        break;
                    case 1:
                        request.Headers.TryAddWithoutValidation(JiraWebhookSignature.HeaderName, fuzz.Text(80));
                        break;
                    case 2 when bytes is not null:
                        request.Headers.TryAddWithoutValidation(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute("a-foreign-secret", bytes));
                        break;
                    default:
                        if (bytes is not null)
                        {
                            request.Headers.TryAddWithoutValidation(JiraWebhookSignature.HeaderName, JiraWebhookSignature.Compute(jiraSecret, bytes));
                            wellSigned.Add(body!);
                        }

                        break;
                }

                request.Headers.TryAddWithoutValidation(JiraWebhookHeaders.Identifier, fuzz.Rng.Next(4) switch
                {
                    0 => Guid.NewGuid().ToString(),
                    1 => new string('x', 150 + fuzz.Rng.Next(400)),
                    2 => fuzz.Text(30),
                    _ => "fixed-identifier",
                });
            }
            else if (kind == 8)
            {
                endpoint = "POST/GET /webhooks/zoho/{other}";
                request.Method = fuzz.Rng.Next(2) == 0 ? HttpMethod.Get : HttpMethod.Post;
                request.RequestUri = new Uri("/webhooks/zoho/" + Uri.EscapeDataString(fuzz.Text(1 + fuzz.Rng.Next(200))), UriKind.Relative);
                if (request.Method == HttpMethod.Post)
                {
                    request.Content = fuzz.ZohoBody().Content;
                    request.Headers.TryAddWithoutValidation("X-ZDesk-JWT", zohoKey.Sign(ZohoSandboxState.OrgId, "1", app.Time.GetUtcNow()));
                }
            }
            else
            {
                endpoint = "GET /health, /health/ready";
                request.Method = HttpMethod.Get;
                request.RequestUri = new Uri(fuzz.Rng.Next(2) == 0 ? "/health" : "/health/ready", UriKind.Relative);
            }

            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (freshToken is not null && status == 200 && !consumedTokens.Contains(freshToken))
            {
                // Accepted once: from now on this token is a captured one.
                consumedTokens.Add(freshToken);
            }

            if (!histogram.TryGetValue(endpoint, out var counts))
            {
                histogram[endpoint] = counts = new SortedDictionary<int, int>();
            }

            counts[status] = counts.GetValueOrDefault(status) + 1;
        }

        foreach (var (endpoint, counts) in histogram)
        {
            output.WriteLine($"{endpoint}: {counts.Values.Sum()} requests, " + string.Join(", ", counts.Select(c => $"{c.Key}: {c.Value}")));
        }

        var logs = app.Logs.Entries.ToList();
        output.WriteLine($"log lines: {logs.Count}, with an exception: {logs.Count(e => e.HasException)}");

        await using var db = app.CreateDbContext();
        var stored = await db.InboundEvents.ToListAsync();
        output.WriteLine($"stored events: {stored.Count} (jira {stored.Count(e => e.Source == InboundEventStore.JiraSource)}, zoho {stored.Count(e => e.Source == InboundEventStore.ZohoSource)})");

        foreach (var stray in stored.Where(e => !wellSigned.Any(b => b.Contains(e.Payload, StringComparison.Ordinal))).Take(3))
        {
            output.WriteLine($"stored without a valid signature: {stray.Source} {stray.Payload[..Math.Min(200, stray.Payload.Length)]}");
        }

        histogram.SelectMany(h => h.Value.Keys).Should().OnlyContain(s => s < 500, "malformed input gets a 4xx, never a 5xx");
        logs.Should().NotContain(e => e.HasException, "bad input is answered, not logged with a stack trace");
        logs.Count.Should().BeLessThanOrEqualTo(Requests, "one log line at most per request");
        stored.Should().NotBeEmpty("well-signed deliveries are among the generated ones");
        stored.Should().OnlyContain(e => wellSigned.Any(b => b.Contains(e.Payload, StringComparison.Ordinal)),
            "only what came with a valid signature is stored");
    }

    /// <summary>A token for one Zoho delivery, and whether it is a fresh valid one (so what it carries may be stored).</summary>
    private static (string? Jwt, bool Valid) ZohoToken(Fuzz fuzz, ZohoSandboxSigningKey key, ZohoSandboxSigningKey foreign, List<string> consumed)
    {
        var now = fuzz.Time.GetUtcNow();
        switch (fuzz.Rng.Next(9))
        {
            case 0:
                return (null, false);
            case 1:
                return (fuzz.Text(1 + fuzz.Rng.Next(300)), false);
            case 2:
                return (fuzz.Rng.Next(3) switch { 0 => "a.b.c", 1 => "a.b", _ => "..." }, false);
            case 3:
                return (Unsigned(fuzz.WrongClaims()), false);
            case 4:
                return (foreign.Sign(ZohoSandboxState.OrgId, "1", now), false);
            case 5:
                return (key.SignPayload(fuzz.WrongClaims()), false);
            case 6 when consumed.Count > 0:
                // A token Zoho already used, again with another body: Zoho's tokens repeat within a second, so the receiver
                // takes a burst of bodies per token (each prompting only a re-read from Zoho; the cap is tested in
                // WebhookReplayTests). It counts as properly signed here.
                return (consumed[fuzz.Rng.Next(consumed.Count)], true);
            case 7:
                // Signed correctly, but expired long ago or without an expiry.
                return (key.SignPayload(fuzz.Rng.Next(2) == 0
                    ? $$"""{"iss":"orgId:{{ZohoSandboxState.OrgId}}","aud":"webhookId:1","iat":{{now.AddHours(-2).ToUnixTimeSeconds()}},"exp":{{now.AddHours(-1).ToUnixTimeSeconds()}}}"""
                    : $$"""{"iss":"orgId:{{ZohoSandboxState.OrgId}}","aud":"webhookId:1","iat":{{now.ToUnixTimeSeconds()}}}"""), false);
            default:
                return (key.SignPayload($$"""{"iss":"orgId:{{ZohoSandboxState.OrgId}}","aud":"webhookId:1","iat":{{now.ToUnixTimeSeconds()}},"exp":{{now.AddMinutes(5).ToUnixTimeSeconds()}},"jti":"{{fuzz.Rng.NextInt64()}}"}"""), true);
        }
    }

    private static string Unsigned(string claims) =>
        Base64Url("""{"alg":"none","typ":"JWT"}""") + "." + Base64Url(claims) + ".";

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The generators. Every choice comes from one seeded <see cref="Random"/>, so a run repeats exactly.</summary>
    private sealed class Fuzz(Random rng, TimeProvider time)
    {
        private static readonly string[] OddValues =
        [
            "1", "-1", "0", "1.5", "1e300", "-1e300", "\"\"", "\"soon\"", "null", "true", "{}", "[]", "[1,2]", "{\"a\":{}}",
            "9223372036854775807", "-9223372036854775808", "99999999999999999999", "\"\\u0000\"", "\"" + new string('z', 300) + "\"",
        ];

        public Random Rng { get; } = rng;

        public TimeProvider Time { get; } = time;

        public string Text(int length)
        {
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = (char)Rng.Next(0x20, 0x7f);
            }

            return new string(chars);
        }

        public string Odd() => OddValues[Rng.Next(OddValues.Length)];

        public string WrongClaims()
        {
            string[] names = ["iss", "aud", "exp", "iat", "nbf", "jti"];
            return "{" + string.Join(",", names.Where(_ => Rng.Next(4) > 0).Select(n => $"\"{n}\":{Odd()}")) + "}";
        }

        /// <summary>A Zoho delivery body: the text when it is one the test can recognise, and the content to send.</summary>
        public (string? Body, HttpContent Content) ZohoBody()
        {
            var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
            string body = Rng.Next(10) switch
            {
                0 => RandomBytesText(),
                1 => Truncate(ValidZoho(now)),
                2 => Nested(),
                3 => ZohoEvent($"\"eventType\":{Odd()},\"eventTime\":\"{now}\",\"orgId\":\"{ZohoSandboxState.OrgId}\",\"payload\":{{\"id\":\"1\"}}"),
                4 => ZohoEvent($"\"eventType\":\"Ticket_Update\",\"eventTime\":{Odd()},\"orgId\":\"{ZohoSandboxState.OrgId}\",\"payload\":{{\"id\":{Odd()}}}"),
                5 => ZohoEvent($"\"eventType\":\"Ticket_Update\",\"eventTime\":\"{Odd().Trim('"')}\",\"orgId\":{Odd()},\"payload\":{Odd()}"),
                6 => "[" + Odd() + "]",
                7 => ZohoEvent($"\"eventType\":\"\",\"eventTime\":\"{now}\",\"orgId\":\"{ZohoSandboxState.OrgId}\""),
                _ => ValidZoho(now),
            };
            return Content(body);
        }

        /// <summary>A Jira delivery body, as for <see cref="ZohoBody"/>.</summary>
        public (string? Body, HttpContent Content) JiraBody()
        {
            var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
            string body = Rng.Next(10) switch
            {
                0 => RandomBytesText(),
                1 => Truncate(ValidJira(now)),
                2 => Nested(),
                3 => $"{{\"timestamp\":{Odd()},\"webhookEvent\":\"jira:issue_updated\",\"issue\":{{\"id\":\"10000\",\"key\":\"SUP-1\"}}}}",
                4 => $"{{\"timestamp\":{now},\"webhookEvent\":{Odd()},\"issue\":{Odd()},\"comment\":{Odd()},\"user\":{Odd()}}}",
                5 => $"{{\"timestamp\":{now},\"webhookEvent\":\"jira:issue_updated\",\"changelog\":{{\"items\":[{Odd()},{{\"field\":{Odd()}}}]}}}}",
                6 => Odd(),
                _ => ValidJira(now),
            };
            return Content(body);
        }

        private (string? Body, HttpContent Content) Content(string body)
        {
            switch (Rng.Next(20))
            {
                case 0:
                    // Over the 1 MB limit, with a length.
                    var huge = body + new string(' ', (1024 * 1024) + Rng.Next(1000));
                    return (null, new StringContent(huge, Encoding.UTF8, "application/json"));
                case 1:
                    // Over the limit, chunked (no length).
                    return (null, new ChunkedContent(Encoding.UTF8.GetBytes(body + new string(' ', (1024 * 1024) + 10))));
                case 2:
                    return (body, new ChunkedContent(Encoding.UTF8.GetBytes(body)));
                case 3:
                    return (null, new ByteArrayContent(RandomBytes(Rng.Next(1, 4000))));
                default:
                    return (body, new StringContent(body, Encoding.UTF8, "application/json"));
            }
        }

        private string ValidZoho(long now) =>
            ZohoEvent($"\"eventType\":\"Ticket_Update\",\"eventTime\":\"{now}\",\"orgId\":\"{ZohoSandboxState.OrgId}\",\"payload\":{{\"id\":\"{Rng.NextInt64(1, long.MaxValue)}\"}}");

        private string ValidJira(long now) =>
            $"{{\"timestamp\":{now},\"webhookEvent\":\"comment_created\",\"comment\":{{\"id\":\"{Rng.Next()}\"}},\"issue\":{{\"id\":\"10000\",\"key\":\"SUP-1\"}}}}";

        private static string ZohoEvent(string members) => "[{" + members + "}]";

        private string Truncate(string json) => json[..Rng.Next(json.Length)];

        private string Nested()
        {
            var depth = Rng.Next(10, 3000);
            var open = Rng.Next(2) == 0 ? "[" : "{\"a\":";
            var close = open == "[" ? "]" : "}";
            return string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, Rng.Next(depth + 1)));
        }

        private byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            Rng.NextBytes(bytes);
            return bytes;
        }

        private string RandomBytesText() => Encoding.UTF8.GetString(RandomBytes(Rng.Next(1, 2000)));
    }

    /// <summary>A body sent without a length, as a chunked upload is.</summary>
    private sealed class ChunkedContent(byte[] bytes) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            for (var offset = 0; offset < bytes.Length; offset += 64 * 1024)
            {
                await stream.WriteAsync(bytes.AsMemory(offset, Math.Min(64 * 1024, bytes.Length - offset)));
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = -1;
            return false;
        }
    }
}
