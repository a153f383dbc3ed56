using ZohoJira.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddZohoJiraWeb();

var app = builder.Build();
await app.PrepareZohoJiraAsync();
app.UseZohoJira();
await app.RunAsync();

/// <summary>The entry point; public so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
