using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ZohoJira.Core.Connections;

namespace ZohoJira.Tests.Core.Zoho;

public class ZohoDataCentersTests
{
    [Theory]
    [InlineData("us", "https://accounts.zoho.com/", "https://desk.zoho.com/")]
    [InlineData("eu", "https://accounts.zoho.eu/", "https://desk.zoho.eu/")]
    [InlineData("in", "https://accounts.zoho.in/", "https://desk.zoho.in/")]
    [InlineData("au", "https://accounts.zoho.com.au/", "https://desk.zoho.com.au/")]
    [InlineData("jp", "https://accounts.zoho.jp/", "https://desk.zoho.jp/")]
    [InlineData("cn", "https://accounts.zoho.com.cn/", "https://desk.zoho.com.cn/")]
    [InlineData("uk", "https://accounts.zoho.uk/", "https://desk.zoho.uk/")]
    [InlineData("ca", "https://accounts.zohocloud.ca/", "https://desk.zohocloud.ca/")]
    [InlineData("sa", "https://accounts.zoho.sa/", "https://desk.zoho.sa/")]
    public void Resolve_RealDataCenter_MapsToItsHosts(string dataCenter, string accounts, string desk)
    {
        var hosts = Create().Resolve(dataCenter);

        hosts.AccountsUrl.ToString().Should().Be(accounts);
        hosts.DeskUrl.ToString().Should().Be(desk);
    }

    [Fact]
    public void Real_ListsTheNineDataCentersOfTheProduct() =>
        ZohoDataCenters.Real.Should().Equal("us", "eu", "in", "au", "jp", "cn", "uk", "ca", "sa");

    [Fact]
    public void Resolve_ConfiguredOverride_ReplacesTheHost()
    {
        var hosts = Create(new()
        {
            ["Zoho:DataCenters:eu:AccountsUrl"] = "https://accounts.private.example/",
            ["Zoho:DataCenters:eu:DeskUrl"] = "https://desk.private.example",
        }).Resolve("EU");

        hosts.AccountsUrl.ToString().Should().Be("https://accounts.private.example/");
        hosts.DeskUrl.ToString().Should().Be("https://desk.private.example/");
    }

    [Fact]
    public void Resolve_Sandbox_TakesTheHostsTheRegisteredSandboxGives()
    {
        var dataCenters = Create(sandbox: new StubSandbox());

        var hosts = dataCenters.Resolve("sandbox");

        hosts.AccountsUrl.ToString().Should().Be("http://localhost:5000/sandbox/zoho/accounts");
        hosts.DeskUrl.ToString().Should().Be("http://localhost:5000/sandbox/zoho/desk");
        dataCenters.Available.Should().EndWith("sandbox");
    }

    [Fact]
    public void Available_SandboxOff_OffersOnlyRealDataCenters()
    {
        var dataCenters = Create();

        dataCenters.Available.Should().NotContain("sandbox");
        dataCenters.IsKnown("sandbox").Should().BeFalse();
        dataCenters.IsKnown("us").Should().BeTrue();
    }

    [Fact]
    public void Resolve_UnknownDataCenter_Throws() =>
        FluentActions.Invoking(() => Create().Resolve("mars")).Should().Throw<ArgumentException>();

    private static ZohoDataCenters Create(Dictionary<string, string?>? settings = null, ISandboxEnvironment? sandbox = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        if (sandbox is not null)
        {
            services.AddSingleton(sandbox);
        }

        return new ZohoDataCenters(configuration, services.BuildServiceProvider());
    }

    /// <summary>A sandbox registration as the product sees it: only its hosts matter here.</summary>
    private sealed class StubSandbox : ISandboxEnvironment
    {
        public ZohoDataCenterHosts ZohoHosts() =>
            new(ZohoDataCenters.Sandbox, new Uri("http://localhost:5000/sandbox/zoho/accounts"), new Uri("http://localhost:5000/sandbox/zoho/desk"));

        public SandboxZohoCode GenerateZohoCode(string scopes) => throw new NotSupportedException();

        public SandboxJiraSite JiraSite() => throw new NotSupportedException();
    }
}
