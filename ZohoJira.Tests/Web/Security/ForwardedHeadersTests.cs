using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Web.Security;

/// <summary>Behind a load balancer (here: the test itself, calling from 127.0.0.1 over a real socket).</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task FromAConfiguredProxy_TheClientAddressAndSchemeAreHonoured()
    {
        await using var app = new ZohoJiraAppFactory().UseRealPort()
            .With("ForwardedHeaders:KnownProxies", "127.0.0.1").With("Auth:SignInAttemptsPerMinute", "2").Start();

        (await SignInAttemptsAsync(app, "203.0.113.5", 3)).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
        (await SignInAttemptsAsync(app, "203.0.113.6", 1)).Should().Equal([HttpStatusCode.OK], "another client has its own limit");

        using var client = Client(app, "203.0.113.7", "https");
        using var response = await client.GetAsync("/account/login");
        response.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("ZohoJira.Antiforgery", StringComparison.Ordinal))
            .And.OnlyContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase), "the client used HTTPS");
        response.Headers.Contains("Strict-Transport-Security").Should().BeFalse("HSTS is left out in Development");
    }

    [Fact]
    public async Task FromAnUnknownProxy_ForwardedHeadersAreIgnored()
    {
        await using var app = new ZohoJiraAppFactory().UseRealPort()
            .With("ForwardedHeaders:KnownProxies", "10.9.9.9").With("Auth:SignInAttemptsPerMinute", "2").Start();

        (await SignInAttemptsAsync(app, "203.0.113.5", 2)).Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK);
        (await SignInAttemptsAsync(app, "203.0.113.6", 1)).Should().Equal([HttpStatusCode.TooManyRequests],
            "the header is not trusted, so both share the caller's address");

        using var client = Client(app, "203.0.113.7", "https");
        using var response = await client.GetAsync("/account/login");
        response.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<List<HttpStatusCode>> SignInAttemptsAsync(ZohoJiraAppFactory app, string clientAddress, int attempts)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < attempts; i++)
        {
            using var client = Client(app, clientAddress, "http");
            using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "y" }));

            // Without an antiforgery token the form answers 400; the limiter answers 429 before that.
            statuses.Add(response.StatusCode == HttpStatusCode.TooManyRequests ? HttpStatusCode.TooManyRequests : HttpStatusCode.OK);
        }

        return statuses;
    }

    private static HttpClient Client(ZohoJiraAppFactory app, string forwardedFor, string proto)
    {
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
        client.BaseAddress = new Uri(app.BaseUrl!);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return client;
    }
}
