using Microsoft.Extensions.Http;
using ZohoJira.Core.Jira.Http;
using ZohoJira.Core.Zoho.Http;

namespace ZohoJira.Core.Operations;

/// <summary>Counts every attempt a vendor client makes (it sits inside the resilience pipeline, so a retried call counts
/// twice) and every 429, into <see cref="SyncMetrics"/> and <see cref="VendorCallTally"/>.</summary>
internal sealed class VendorCallHandler(string vendor, SyncMetrics metrics, VendorCallTally tally) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            metrics.VendorCall(vendor, null);
            tally.Record(vendor, null);
            throw;
        }

        metrics.VendorCall(vendor, (int)response.StatusCode);
        tally.Record(vendor, (int)response.StatusCode);
        return response;
    }
}

/// <summary>Adds <see cref="VendorCallHandler"/> as the innermost handler of the Zoho and Jira clients, without those
/// clients' registrations knowing about it.</summary>
internal sealed class VendorCallHandlerFilter(SyncMetrics metrics, VendorCallTally tally) : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        var vendor = builder.Name switch
        {
            ZohoDeskClientFactory.HttpClientName => VendorCallTally.ZohoDesk,
            ZohoAccountsClient.HttpClientName => VendorCallTally.ZohoAccounts,
            JiraHttp.ClientName => VendorCallTally.Jira,
            _ => null,
        };
        if (vendor is not null)
        {
            builder.AdditionalHandlers.Add(new VendorCallHandler(vendor, metrics, tally));
        }
    };
}
