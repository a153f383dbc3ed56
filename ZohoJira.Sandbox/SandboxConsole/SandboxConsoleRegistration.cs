namespace ZohoJira.Sandbox.SandboxConsole;

/// <summary>The sandbox console's services: in-process calls to the simulators, the two consoles, the journal of what
/// people did, the sync watch and the fault switches.</summary>
public static class SandboxConsoleRegistration
{
    public static IServiceCollection AddSandboxConsole(this IServiceCollection services)
    {
        services.AddSingleton<SandboxConsoleCalls>();
        services.AddSingleton<SandboxConsoleJournal>();
        services.AddSingleton<ZohoConsole>();
        services.AddSingleton<JiraConsole>();
        services.AddSingleton<SyncWatch>();
        services.AddSingleton<SandboxFaultSwitches>();
        return services;
    }
}
