using System.Net.Http.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;
using ZohoJira.Core.Common;
using ZohoJira.Core.Connections;
using ZohoJira.Core.Zoho.Http.Wire;

namespace ZohoJira.Core.Zoho.Http;

/// <summary>Zoho Accounts: code exchange, refresh and revoke. Zoho answers many OAuth errors with HTTP 200 and an
/// <c>error</c> field, so every answer is checked for one.</summary>
internal sealed class ZohoAccountsClient(IHttpClientFactory httpClientFactory)
{
    public const string HttpClientName = "ZohoAccounts";

    public Task<ZohoTokenResponse> ExchangeCodeAsync(Uri accountsUrl, string clientId, string clientSecret, string code, CancellationToken cancellationToken) =>
        PostTokenAsync(accountsUrl, [
            new("grant_type", "authorization_code"), new("client_id", clientId), new("client_secret", clientSecret), new("code", code),
        ], isRefresh: false, cancellationToken);

    public Task<ZohoTokenResponse> RefreshAsync(Uri accountsUrl, string clientId, string clientSecret, string refreshToken, CancellationToken cancellationToken) =>
        PostTokenAsync(accountsUrl, [
            new("grant_type", "refresh_token"), new("client_id", clientId), new("client_secret", clientSecret), new("refresh_token", refreshToken),
        ], isRefresh: true, cancellationToken);

    /// <summary>Revokes the refresh token (and with it its access tokens).</summary>
    public async Task RevokeAsync(Uri accountsUrl, string refreshToken, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Combine(accountsUrl, ZohoDeskUrls.Revoke(refreshToken)));
        using var response = await SendAsync(request, accountsUrl, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body?.Error is not null)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Validation,
                "Zoho did not accept the revocation (the token may already be revoked).", (int)response.StatusCode, body?.Error);
        }
    }

    private async Task<ZohoTokenResponse> PostTokenAsync(Uri accountsUrl, KeyValuePair<string, string>[] form, bool isRefresh, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Combine(accountsUrl, ZohoDeskUrls.Token()))
        {
            Content = new FormUrlEncodedContent(form),
        };
        using var response = await SendAsync(request, accountsUrl, cancellationToken).ConfigureAwait(false);
        var body = await ReadAsync(response, cancellationToken).ConfigureAwait(false);
        if (body?.Error is { } error)
        {
            throw Describe(error, (int)response.StatusCode, isRefresh);
        }

        if (!response.IsSuccessStatusCode || body?.AccessToken is null)
        {
            var category = ZohoErrorClassifier.ClassifyStatus(response.StatusCode);
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, category == FailureCategory.Unknown ? FailureCategory.Transient : category,
                $"The Zoho accounts server answered {(int)response.StatusCode} without a token.", (int)response.StatusCode);
        }

        return body;
    }

    private static ExternalApiException Describe(string error, int status, bool isRefresh)
    {
        var (category, message) = error switch
        {
            "invalid_code" when isRefresh => (FailureCategory.Authentication,
                ZohoAuthError.Describe("Zoho no longer accepts the stored refresh token (it was revoked or replaced): reconnect Zoho Desk.")),
            "invalid_code" => (FailureCategory.Validation,
                "The code has expired or was already used: generate a new one in the Zoho API console and paste it here."),
            "invalid_client" => (isRefresh ? FailureCategory.Authentication : FailureCategory.Validation,
                Prefixed(isRefresh, "Zoho does not know this client id in the selected data center: check the client id and the data center.")),
            "invalid_client_secret" => (isRefresh ? FailureCategory.Authentication : FailureCategory.Validation,
                Prefixed(isRefresh, "The client secret does not match the client id: copy it again from the Zoho API console.")),
            "Access Denied" => (FailureCategory.RateLimited,
                "Zoho is throttling token requests for this client: wait a few minutes and try again."),
            _ => (isRefresh ? FailureCategory.Authentication : FailureCategory.Validation,
                Prefixed(isRefresh, $"Zoho Accounts refused the request ({error}).")),
        };
        return new ExternalApiException(ExternalSystem.ZohoAccounts, category, message, status, error);
    }

    private static string Prefixed(bool isAuthFailure, string message) => isAuthFailure ? ZohoAuthError.Describe(message) : message;

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, Uri accountsUrl, CancellationToken cancellationToken)
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        try
        {
            return await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Transient,
                $"Could not reach the Zoho accounts server {accountsUrl.Host}: check the data center and the network.", innerException: ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Transient,
                $"The Zoho accounts server {accountsUrl.Host} failed repeatedly; calls to it are paused briefly.", innerException: ex);
        }
        catch (Exception ex) when (ex is TimeoutRejectedException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ExternalApiException(ExternalSystem.ZohoAccounts, FailureCategory.Timeout,
                $"The Zoho accounts server {accountsUrl.Host} did not answer in time.", innerException: ex);
        }
    }

    private static async Task<ZohoTokenResponse?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(ZohoDeskJsonContext.Default.ZohoTokenResponse, cancellationToken).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static Uri Combine(Uri baseUrl, string relative) => new(baseUrl.ToString().TrimEnd('/') + "/" + relative);
}
