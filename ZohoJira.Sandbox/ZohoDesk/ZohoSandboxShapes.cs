using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.ZohoDesk;

/// <summary>Which fields each simulated answer carries, per module and per kind of call, as Zoho's OpenAPI files describe
/// them (the list view of tickets has no modifiedTime; search results do).</summary>
internal static class ZohoSandboxShapes
{
    private static readonly Dictionary<string, string[]> Get = new(StringComparer.Ordinal)
    {
        ["tickets"] = ["accountId", "approvalCount", "assigneeId", "attachmentCount", "category", "cf", "channel", "channelCode",
            "channelRelatedInfo", "classification", "closedTime", "commentCount", "contactId", "contractId", "createdBy", "createdTime",
            "customFields", "customerResponseTime", "departmentId", "description", "dueDate", "email", "entitySkills", "followerCount", "id",
            "isArchived", "isDeleted", "isEscalated", "isFollowing", "isOverDue", "isResponseOverdue", "isSpam", "isTrashed", "language",
            "layoutId", "modifiedBy", "modifiedTime", "onholdTime", "phone", "priority", "productId", "resolution", "responseDueDate",
            "secondaryContacts", "sentiment", "sharedDepartments", "slaId", "source", "status", "statusType", "subCategory", "subject",
            "tagCount", "taskCount", "teamId", "threadCount", "ticketNumber", "timeEntryCount", "webUrl"],
        ["contacts"] = ["accountId", "cf", "city", "country", "createdTime", "customFields", "description", "email", "firstName", "id",
            "isAnonymous", "isDeleted", "isEndUser", "isFollowing", "isSpam", "isTrashed", "lastName", "layoutId", "mobile", "modifiedTime",
            "ownerId", "phone", "photoURL", "secondaryEmail", "title", "type", "webUrl"],
        ["accounts"] = ["accountName", "annualrevenue", "cf", "city", "code", "country", "createdTime", "customFields", "description", "email",
            "fax", "id", "industry", "isDeleted", "isFollowing", "isTrashed", "layoutId", "modifiedTime", "ownerId", "phone", "state", "street",
            "webUrl", "website"],
        ["tasks"] = ["category", "cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description",
            "dueDate", "id", "isSpam", "isTrashed", "layoutId", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "status",
            "statusType", "subject", "ticketId", "webUrl"],
        ["calls"] = ["cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description", "direction",
            "duration", "id", "isSpam", "isTrashed", "layoutId", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "startTime",
            "status", "statusType", "subject", "ticketId", "webUrl"],
        ["events"] = ["category", "cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description",
            "duration", "id", "isSpam", "isTrashed", "layoutId", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "startTime",
            "status", "statusType", "subject", "ticketId", "webUrl"],
        ["products"] = ["cf", "createdBy", "createdTime", "customFields", "departmentIds", "description", "id", "isDeleted", "layoutId",
            "manufacturer", "modifiedBy", "modifiedTime", "ownerId", "productCategory", "productCode", "productName", "unitPrice"],
        ["contracts"] = ["accountId", "associatedSLAId", "cf", "contractName", "contractNumber", "contractStatus", "createdBy", "createdTime",
            "customFields", "departmentId", "description", "endDate", "id", "layoutId", "modifiedBy", "modifiedTime", "notificationAgentIds",
            "notifyBefore", "notifyOn", "ownerId", "productId", "startDate", "supportPlan"],
    };

    private static readonly Dictionary<string, string[]> Search = new(StringComparer.Ordinal)
    {
        ["tickets"] = ["accountId", "assigneeId", "category", "cf", "channel", "classification", "closedTime", "commentCount", "contactId",
            "createdBy", "createdTime", "customFields", "customerResponseTime", "departmentId", "description", "dueDate", "email", "entitySkills",
            "id", "isArchived", "isEscalated", "isOverDue", "isSpam", "language", "layoutId", "modifiedBy", "modifiedTime", "onholdTime",
            "phone", "priority", "productId", "resolution", "responseDueDate", "secondaryContacts", "sharedDepartments", "slaId", "status",
            "statusType", "subCategory", "subject", "teamId", "threadCount", "ticketNumber", "webUrl"],
        ["contacts"] = ["accountId", "cf", "city", "country", "createdTime", "customFields", "description", "email", "firstName", "id",
            "isEndUser", "lastName", "layoutId", "mobile", "modifiedTime", "ownerId", "phone", "photoURL", "secondaryEmail", "title", "type", "webUrl"],
        ["accounts"] = ["accountName", "annualrevenue", "cf", "city", "code", "country", "createdTime", "customFields", "description", "email",
            "fax", "id", "industry", "layoutId", "modifiedTime", "ownerId", "phone", "state", "street", "webUrl", "website"],
        ["tasks"] = ["category", "cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description",
            "dueDate", "id", "layoutId", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "status", "statusType", "subject", "ticketId", "webUrl"],
        ["calls"] = ["cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description", "direction",
            "duration", "id", "layoutId", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "startTime", "status", "statusType",
            "subject", "ticketId", "webUrl"],
        ["events"] = ["category", "cf", "completedTime", "contactId", "createdTime", "creatorId", "customFields", "departmentId", "description",
            "duration", "id", "modifiedBy", "modifiedTime", "ownerId", "priority", "reminder", "startTime", "status", "statusType", "subject",
            "ticketId", "webUrl"],
        ["products"] = ["cf", "createdBy", "createdTime", "customFields", "departmentIds", "description", "id", "layoutId", "manufacturer",
            "modifiedBy", "modifiedTime", "ownerId", "productCategory", "productCode", "productName", "unitPrice"],
    };

    private static readonly string[] TicketList = ["accountId", "assigneeId", "category", "channel", "channelCode", "closedTime", "commentCount",
        "contactId", "createdTime", "customerResponseTime", "departmentId", "dueDate", "email", "id", "isArchived", "isSpam", "language",
        "layoutId", "onholdTime", "phone", "priority", "productId", "responseDueDate", "sentiment", "source", "status", "statusType",
        "subCategory", "subject", "teamId", "threadCount", "ticketNumber", "webUrl"];

    public static JsonObject ForGet(string module, JsonObject record) => Project(record, Get[module]);

    /// <summary>Search results; contracts have no search, so their list uses the get shape.</summary>
    public static JsonObject ForSearch(string module, JsonObject record) =>
        Project(record, Search.TryGetValue(module, out var keys) ? keys : Get[module]);

    public static JsonObject ForList(string module, JsonObject record) =>
        module == "tickets" ? Project(record, TicketList) : ForSearch(module, record);

    private static JsonObject Project(JsonObject record, string[] keys)
    {
        var result = new JsonObject();
        foreach (var key in keys)
        {
            if (record.TryGetPropertyValue(key, out var value))
            {
                result[key] = value?.DeepClone();
            }
        }

        return result;
    }
}
