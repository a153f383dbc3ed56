using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Zoho-shaped answers: JSON bodies, the error body <c>{errorCode, message, errors[]}</c>, 204 for empty lists.</summary>
internal static class ZohoSandboxResults
{
    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Content(body.ToJsonString(), "application/json", System.Text.Encoding.UTF8, status);

    public static IResult List(IEnumerable<JsonObject> items, int? count = null)
    {
        var data = new JsonArray([.. items]);
        if (data.Count == 0)
        {
            return Results.NoContent();
        }

        var body = new JsonObject { ["data"] = data };
        if (count is { } total)
        {
            body["count"] = total;
        }

        return Json(body);
    }

    public static IResult Error(int status, string errorCode, string message, params (string Field, string Type, string Message)[] errors)
    {
        var body = new JsonObject { ["errorCode"] = errorCode, ["message"] = message };
        if (errors.Length > 0)
        {
            body["errors"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
            {
                ["fieldName"] = e.Field, ["errorType"] = e.Type, ["errorMessage"] = e.Message,
            })]);
        }

        return Json(body, status);
    }

    public static IResult NotFound() => Error(404, "URL_NOT_FOUND", "The URL you requested could not be found.");

    public static IResult Invalid(string field, string type, string message) =>
        Error(422, "INVALID_DATA", "The data does not comply to the validation restrictions defined.", ($"/{field}", type, message));
}
