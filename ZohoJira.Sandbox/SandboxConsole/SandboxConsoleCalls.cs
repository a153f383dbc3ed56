using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>What one console call answered: the status and the JSON body (null when there is none).</summary>
public sealed record SandboxConsoleAnswer(int Status, JsonNode? Body)
{
    public bool Succeeded => Status is >= 200 and < 300;

    /// <summary>The vendor's error in words (Zoho's message and field errors, Jira's errorMessages and errors).</summary>
    public string Error
    {
        get
        {
            if (Succeeded)
            {
                return string.Empty;
            }

            var parts = new List<string>();
            if (Body is JsonObject body)
            {
                if (body["message"] is JsonValue message)
                {
                    parts.Add(message.ToString());
                }

                foreach (var error in (body["errors"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    parts.Add($"{error["fieldName"]}: {error["errorMessage"]}");
                }

                foreach (var message2 in (body["errorMessages"] as JsonArray ?? []).OfType<JsonValue>())
                {
                    parts.Add(message2.ToString());
                }

                if (body["errors"] is JsonObject fieldErrors)
                {
                    parts.AddRange(fieldErrors.Select(e => $"{e.Key}: {e.Value}"));
                }
            }

            return parts.Count > 0 ? $"{Status}: {string.Join("; ", parts)}" : $"The simulator answered {Status}.";
        }
    }
}

/// <summary>Calls the simulators' own HTTP endpoints in process, for the sandbox console: the request runs through the
/// route's real handler (binding, validation, state change, webhooks) exactly as an HTTP call would, but it is marked as
/// the console's, so the simulators' gates let it past their fault switches, credits and call counters — a fault armed
/// for the connector is never spent on the person playing with the console. Nothing outside the process can set the
/// mark: it lives in <see cref="HttpContext.Items"/>.</summary>
public sealed class SandboxConsoleCalls(IServiceProvider services, EndpointDataSource endpoints)
{
    /// <summary>The <see cref="HttpContext.Items"/> key that marks a console call.</summary>
    public static readonly object Marker = new();

    /// <summary>Whether this request came from the console (not from the network).</summary>
    public static bool IsConsoleCall(HttpContext http) => http?.Items.ContainsKey(Marker) == true;

    /// <summary>Runs the endpoint mapped as <paramref name="method"/> <paramref name="pattern"/> (the route template as
    /// mapped, e.g. <c>/sandbox/zoho/desk/api/v1/tickets/{ticketId}</c>) with these route values, query, headers and body.</summary>
    public async Task<SandboxConsoleAnswer> SendAsync(
        string method,
        string pattern,
        IReadOnlyDictionary<string, string>? routeValues = null,
        JsonNode? json = null,
        IReadOnlyDictionary<string, string>? query = null,
        IReadOnlyDictionary<string, string>? headers = null,
        MultipartFormDataContent? form = null,
        CancellationToken cancellationToken = default)
    {
        var endpoint = Find(method, pattern);
        await using var scope = services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Features.Set<IHttpRequestBodyDetectionFeature>(new BodyDetection(json is not null || form is not null));
        http.Items[Marker] = true;
        http.RequestAborted = cancellationToken;
        var request = http.Request;
        request.Method = method;
        var (scheme, host) = Origin();
        request.Scheme = scheme;
        request.Host = host;
        var path = pattern;
        foreach (var (name, value) in routeValues ?? new Dictionary<string, string>())
        {
            request.RouteValues[name] = value;
            path = path.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        request.Path = path;
        if (query is not null)
        {
            request.QueryString = QueryString.Create(query.Select(q => new KeyValuePair<string, string?>(q.Key, q.Value)));
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers[name] = value;
        }

        if (json is not null)
        {
            request.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(json.ToJsonString());
            request.Body = new MemoryStream(bytes);
            request.ContentLength = bytes.Length;
        }
        else if (form is not null)
        {
            request.ContentType = form.Headers.ContentType!.ToString();
            var buffer = new MemoryStream();
            await form.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            request.Body = buffer;
            request.ContentLength = buffer.Length;
        }

        using var responseBody = new MemoryStream();
        http.Response.Body = responseBody;
        http.SetEndpoint(endpoint);
        await endpoint.RequestDelegate!(http);

        JsonNode? body = null;
        if (responseBody.Length > 0)
        {
            try
            {
                body = JsonNode.Parse(responseBody.ToArray());
            }
            catch (System.Text.Json.JsonException)
            {
                body = JsonValue.Create(Encoding.UTF8.GetString(responseBody.ToArray()));
            }
        }

        return new SandboxConsoleAnswer(http.Response.StatusCode, body);
    }

    private RouteEndpoint Find(string method, string pattern)
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            if (string.Equals(Normalize(endpoint.RoutePattern), pattern, StringComparison.Ordinal)
                && endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(method, StringComparer.OrdinalIgnoreCase) == true
                && endpoint.RequestDelegate is not null)
            {
                return endpoint;
            }
        }

        throw new InvalidOperationException($"The sandbox has no endpoint {method} {pattern}; is the sandbox on?");
    }

    private static string Normalize(RoutePattern pattern) => "/" + (pattern.RawText ?? string.Empty).Trim('/');

    /// <summary>Where the simulators say they live (their answers carry links built from the request's origin).</summary>
    private (string Scheme, HostString Host) Origin()
    {
        try
        {
            var baseUrl = new Uri(SandboxEnvironment.BaseUrl(services));
            return (baseUrl.Scheme, new HostString(baseUrl.Authority));
        }
        catch (InvalidOperationException)
        {
            return ("http", new HostString("localhost"));
        }
    }

    private sealed class BodyDetection(bool canHaveBody) : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody { get; } = canHaveBody;
    }
}
