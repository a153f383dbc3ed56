using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace ZohoJira.Core.Operations;

/// <summary>One plain-text e-mail to administrators.</summary>
public sealed record AdminMail(IReadOnlyList<string> To, string Subject, string Body);

/// <summary>Sends <see cref="AdminMail"/>. The product sends through SMTP (<see cref="SmtpAdminMailer"/>); the sandbox
/// puts mail in its outbox instead.</summary>
public interface IAdminMailer
{
    Task SendAsync(AdminMail mail, CancellationToken cancellationToken);
}

/// <summary>Sends through the SMTP server of <see cref="ParkedNotificationOptions"/>.</summary>
internal sealed class SmtpAdminMailer(IOptions<ParkedNotificationOptions> options) : IAdminMailer
{
    public async Task SendAsync(AdminMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            throw new InvalidOperationException("No SMTP server is configured (Operations:ParkedNotifications:SmtpHost).");
        }

        using var client = new SmtpClient(o.SmtpHost, o.SmtpPort) { EnableSsl = o.SmtpUseSsl };
        if (!string.IsNullOrEmpty(o.SmtpUserName))
        {
            client.Credentials = new NetworkCredential(o.SmtpUserName, o.SmtpPassword);
        }

        using var message = new MailMessage { From = new MailAddress(o.EmailFrom), Subject = mail.Subject, Body = mail.Body };
        foreach (var to in mail.To)
        {
            message.To.Add(to);
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
