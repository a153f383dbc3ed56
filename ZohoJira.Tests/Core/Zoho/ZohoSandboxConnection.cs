using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho;
using ZohoJira.Sandbox.ZohoDesk;
using ZohoJira.Tests.Infrastructure;

namespace ZohoJira.Tests.Core.Zoho;

/// <summary>Intent methods for tests that use the real Zoho client against the simulated Zoho Desk.</summary>
internal static class ZohoSandboxConnection
{
    /// <summary>Generates a Self Client code in the simulator (for the connector's own scopes unless
    /// <paramref name="scopes"/> names others, comma-separated), connects the app with it, and returns the real client.</summary>
    public static async Task<IZohoDeskClient> ConnectAsync(ZohoJiraAppFactory app, string? scopes = null)
    {
        var code = app.Services.GetRequiredService<ZohoSandboxAccounts>().GenerateCode(scopes: scopes);
        var status = await app.Services.GetRequiredService<ZohoConnectionService>()
            .ConnectAsync(new ZohoConnectRequest("sandbox", code.ClientId, code.ClientSecret, code.Code));
        status.IsConnected.Should().BeTrue();
        return await app.Services.GetRequiredService<IZohoDeskClientFactory>().CreateAsync();
    }

    public static ZohoSandboxState State(this ZohoJiraAppFactory app) => app.Services.GetRequiredService<ZohoSandboxState>();

    public static ZohoSandboxFaults Faults(this ZohoJiraAppFactory app) => app.Services.GetRequiredService<ZohoSandboxFaults>();

    public static ZohoSandboxAccounts Accounts(this ZohoJiraAppFactory app) => app.Services.GetRequiredService<ZohoSandboxAccounts>();

    /// <summary>Adds tickets straight into the simulator, each modified one second after the previous one.</summary>
    public static List<string> AddTickets(this ZohoJiraAppFactory app, int count, DateTimeOffset firstModified)
    {
        var state = app.State();
        var ids = new List<string>();
        lock (state.Gate)
        {
            var department = state.Departments[0]["id"]!.GetValue<string>();
            for (var i = 0; i < count; i++)
            {
                var at = firstModified.AddSeconds(i);
                var ticket = state.AddRecord("tickets", new JsonObject
                {
                    ["subject"] = $"Bulk ticket {i}",
                    ["departmentId"] = department,
                    ["status"] = "Open",
                    ["statusType"] = "Open",
                    ["modifiedTime"] = ZohoSandboxState.Format(at),
                }, at);
                ids.Add(ticket["id"]!.GetValue<string>());
            }
        }

        return ids;
    }
}
