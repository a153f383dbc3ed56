using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZohoJira.Core.Operations;

namespace ZohoJira.Sandbox.Outbox;

/// <summary>Where the sandbox delivers what the connector sends to admins (parked-work notices): e-mail through
/// <see cref="SandboxOutboxMailer"/> and webhooks posted to <c>/sandbox/outbox/webhook</c>. Newest last; kept in memory,
/// at most <see cref="Capacity"/> messages. People read it at <c>/sandbox/outbox</c>, tests at <c>/sandbox/outbox/messages</c>.</summary>
public sealed class SandboxOutbox(TimeProvider time)
{
    public const string BasePath = "/sandbox/outbox";

    public const int Capacity = 200;

    private readonly ConcurrentQueue<SandboxOutboxMessage> _messages = new();

    public IReadOnlyList<SandboxOutboxMessage> Messages => [.. _messages];

    public void Add(string channel, string to, string subject, string body)
    {
        _messages.Enqueue(new SandboxOutboxMessage(time.GetUtcNow(), channel, to, subject, body));
        while (_messages.Count > Capacity && _messages.TryDequeue(out _))
        {
        }
    }

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(BasePath).ExcludeFromDescription().AllowAnonymous();
        group.MapPost("/webhook", async (HttpRequest request, SandboxOutbox outbox) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var buffer = new char[64 * 1024];
            var read = await reader.ReadBlockAsync(buffer, request.HttpContext.RequestAborted);
            var body = new string(buffer, 0, read);
            string subject;
            try
            {
                subject = JsonNode.Parse(body)?["text"]?.GetValue<string>() ?? "(webhook)";
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return Results.BadRequest(new { error = "The body is not JSON." });
            }

            outbox.Add("webhook", request.Path, subject, body);
            return Results.Ok();
        });
        group.MapGet("/messages", (SandboxOutbox outbox) => Results.Json(outbox.Messages));
        group.MapGet("/", (SandboxOutbox outbox) => Results.Content(Html(outbox.Messages), "text/html; charset=utf-8"));
    }

    private static string Html(IReadOnlyList<SandboxOutboxMessage> messages)
    {
        var html = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sandbox outbox</title></head><body>");
        html.Append("<h1>Sandbox outbox</h1><p>What the connector sent to admins (e-mail and webhooks), newest first.</p>");
        if (messages.Count == 0)
        {
            html.Append("<p id=\"outbox-empty\">Nothing sent yet.</p>");
        }

        foreach (var m in messages.Reverse())
        {
            html.Append("<article class=\"outbox-message\"><h2>").Append(WebUtility.HtmlEncode(m.Subject)).Append("</h2><p>")
                .Append(WebUtility.HtmlEncode($"{m.Channel} to {m.To} at {m.SentAt:u}")).Append("</p><pre>")
                .Append(WebUtility.HtmlEncode(m.Body)).Append("</pre></article>");
        }

        return html.Append("</body></html>").ToString();
    }
}

/// <summary>One message in the outbox.</summary>
public sealed record SandboxOutboxMessage(DateTimeOffset SentAt, string Channel, string To, string Subject, string Body);

/// <summary>The sandbox's mailer: admin mail lands in the <see cref="SandboxOutbox"/> instead of an SMTP server.</summary>
internal sealed class SandboxOutboxMailer(SandboxOutbox outbox) : IAdminMailer
{
    public Task SendAsync(AdminMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        outbox.Add("e-mail", string.Join(", ", mail.To), mail.Subject, mail.Body);
        return Task.CompletedTask;
    }
}
