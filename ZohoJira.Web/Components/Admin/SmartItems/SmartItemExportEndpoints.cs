using ZohoJira.Core.SmartItems;

namespace ZohoJira.Web.Components.Admin.SmartItems;

/// <summary>The export download behind the grid's export buttons: one item (<c>?id=</c>) or every item, as a JSON file
/// attachment. Admins only; the file never carries secrets (the definition holds none).</summary>
public static class SmartItemExportEndpoints
{
    public const string Path = "/admin/smart-items/export";

    public static IEndpointRouteBuilder MapSmartItemExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async Task<IResult> (Guid? id, SmartItemService items, TimeProvider time, CancellationToken cancellationToken) =>
        {
            var json = await items.ExportAsync(id, cancellationToken);
            if (json is null)
            {
                return TypedResults.NotFound("That Smart Connected Item no longer exists.");
            }

            var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);
            var name = id is null ? $"smart-items-{stamp}.json" : $"smart-item-{id:N}-{stamp}.json";
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", name);
        }).RequireAuthorization(WebServiceCollectionExtensions.AdminPolicy);
        return endpoints;
    }
}
