using ZohoJira.Sandbox.JiraCloud;
using ZohoJira.Sandbox.ZohoDesk;

namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>What is armed on one simulated vendor right now.</summary>
public sealed record FaultStatus(TimeSpan Latency, int PendingFailures);

/// <summary>The console's fault switches: the same fault controls the automated tests use (<see cref="ZohoSandboxFaults"/>,
/// <see cref="JiraSandboxFaults"/>, <see cref="ZohoSandboxAccounts"/>), in the words a person picks from. Faults touch
/// only calls from outside the console: the connector's.</summary>
public sealed class SandboxFaultSwitches(ZohoSandboxFaults zoho, JiraSandboxFaults jira, ZohoSandboxAccounts accounts)
{
    /// <summary>The wait a simulated 429 asks for (Jira always names one; Zoho's concurrency 429 names none).</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    public FaultStatus Status(ConsoleSide side) => side == ConsoleSide.Zoho
        ? new FaultStatus(zoho.Latency, zoho.PendingFailures)
        : new FaultStatus(jira.Latency, jira.PendingFailures);

    /// <summary>Every answer of the vendor waits this long (zero: fast again).</summary>
    public void SetLatency(ConsoleSide side, TimeSpan latency)
    {
        if (side == ConsoleSide.Zoho)
        {
            zoho.AddLatency(latency);
        }
        else
        {
            jira.Latency = latency;
        }
    }

    /// <summary>The vendor's next <paramref name="count"/> API calls are answered with <paramref name="status"/>
    /// (429 with the vendor's rate-limit headers, or a 5xx).</summary>
    public void FailNext(ConsoleSide side, int count, int status)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        switch (side, status)
        {
            case (ConsoleSide.Zoho, 429):
                zoho.RateLimitNext(count);
                break;
            case (ConsoleSide.Zoho, _):
                zoho.FailNext(count, status);
                break;
            case (ConsoleSide.Jira, 429):
                jira.RateLimitNext(count, RetryAfter);
                break;
            default:
                jira.FailNext(count, status);
                break;
        }
    }

    /// <summary>The vendor's next <paramref name="count"/> webhook deliveries are lost.</summary>
    public void DropWebhooks(ConsoleSide side, int count)
    {
        if (side == ConsoleSide.Zoho)
        {
            zoho.DropWebhooks(count);
        }
        else
        {
            jira.DropNextWebhooks(count);
        }
    }

    /// <summary>Revokes the connector's Zoho grant, as an admin would in Zoho's console: refresh tokens stop working and the
    /// access tokens already issued are refused. Reconnecting on the Zoho Desk page clears it.</summary>
    public void RevokeZohoToken()
    {
        accounts.RevokeAll();
        accounts.InvalidateAccessTokens();
    }

    /// <summary>Back to a well-behaved vendor (armed failures, latency and dropped webhooks cleared).</summary>
    public void Reset(ConsoleSide side)
    {
        if (side == ConsoleSide.Zoho)
        {
            zoho.Reset();
        }
        else
        {
            jira.Reset();
        }
    }
}
