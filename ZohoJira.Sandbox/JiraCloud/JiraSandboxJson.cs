using System.Globalization;
using System.Text.Json.Nodes;

namespace ZohoJira.Sandbox.JiraCloud;

/// <summary>Renders the simulated site's data in Jira Cloud's v3 shapes (self links relative to the site root the request
/// came in on).</summary>
internal static class JiraSandboxJson
{
    public static string Date(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";

    public static JsonObject Error(IEnumerable<string>? messages = null, IDictionary<string, string>? errors = null)
    {
        var fieldErrors = new JsonObject();
        foreach (var (key, value) in errors ?? new Dictionary<string, string>())
        {
            fieldErrors[key] = value;
        }

        return new JsonObject { ["errorMessages"] = new JsonArray([.. (messages ?? []).Select(m => (JsonNode)m)]), ["errors"] = fieldErrors };
    }

    public static JsonObject AvatarUrls(string seed)
    {
        var url = $"https://avatar-management.sandbox.invalid/initials/{Uri.EscapeDataString(seed)}.png";
        return new JsonObject { ["48x48"] = url + "?size=48", ["24x24"] = url + "?size=24", ["16x16"] = url + "?size=16", ["32x32"] = url + "?size=32" };
    }

    public static JsonObject User(SimAccount account, string site, bool withEmail = true)
    {
        var user = new JsonObject
        {
            ["self"] = $"{site}/rest/api/3/user?accountId={Uri.EscapeDataString(account.AccountId)}",
            ["accountId"] = account.AccountId,
            ["accountType"] = account.AccountType,
            ["avatarUrls"] = AvatarUrls(account.DisplayName),
            ["displayName"] = account.DisplayName,
            ["active"] = true,
            ["timeZone"] = "Etc/UTC",
        };
        if (withEmail)
        {
            user["emailAddress"] = account.Email;
        }

        return user;
    }

    public static JsonObject Project(SimProject project, string site) => new()
    {
        ["self"] = $"{site}/rest/api/3/project/{project.Id}",
        ["id"] = project.Id,
        ["key"] = project.Key,
        ["name"] = project.Name,
        ["avatarUrls"] = AvatarUrls(project.Key),
        ["projectTypeKey"] = project.ProjectTypeKey,
        ["simplified"] = false,
        ["style"] = "classic",
        ["isPrivate"] = false,
    };

    public static JsonObject IssueType(SimIssueType type, string site) => new()
    {
        ["self"] = $"{site}/rest/api/3/issuetype/{type.Id}",
        ["id"] = type.Id,
        ["description"] = type.Description,
        ["iconUrl"] = $"{site}/rest/api/2/universal_avatar/view/type/issuetype/avatar/{type.Id}?size=medium",
        ["name"] = type.Name,
        ["subtask"] = type.Subtask,
        ["avatarId"] = 10300 + int.Parse(type.Id, CultureInfo.InvariantCulture) % 100,
        ["hierarchyLevel"] = type.HierarchyLevel,
    };

    public static JsonObject StatusCategory(SimStatusCategory category, string site) => new()
    {
        ["self"] = $"{site}/rest/api/3/statuscategory/{category.Id}",
        ["id"] = category.Id,
        ["key"] = category.Key,
        ["colorName"] = category.ColorName,
        ["name"] = category.Name,
    };

    public static JsonObject Status(SimStatus status, string site) => new()
    {
        ["self"] = $"{site}/rest/api/3/status/{status.Id}",
        ["description"] = status.Description,
        ["iconUrl"] = $"{site}/images/icons/statuses/generic.png",
        ["name"] = status.Name,
        ["id"] = status.Id,
        ["statusCategory"] = StatusCategory(status.Category, site),
    };

    public static JsonObject FieldSchema(SimField field)
    {
        var schema = new JsonObject { ["type"] = field.SchemaType };
        if (field.SchemaItems is not null)
        {
            schema["items"] = field.SchemaItems;
        }

        if (field.SchemaSystem is not null)
        {
            schema["system"] = field.SchemaSystem;
        }

        if (field.SchemaCustom is not null)
        {
            schema["custom"] = field.SchemaCustom;
            schema["customId"] = field.CustomId;
        }

        return schema;
    }

    public static JsonObject Field(SimField field) => new()
    {
        ["id"] = field.Id,
        ["key"] = field.Id,
        ["name"] = field.Name,
        ["custom"] = field.Custom,
        ["orderable"] = field.Id is not ("status" or "created" or "updated" or "comment"),
        ["navigable"] = true,
        ["searchable"] = true,
        ["clauseNames"] = new JsonArray(field.Custom
            ? [(JsonNode)$"cf[{field.CustomId}]", (JsonNode)field.Name]
            : [(JsonNode)field.Id]),
        ["schema"] = FieldSchema(field),
    };

    public static JsonObject FieldMeta(SimField field, SimScreenField screen, string site, bool withFieldId)
    {
        var meta = new JsonObject
        {
            ["required"] = screen.Required,
            ["schema"] = FieldSchema(field),
            ["name"] = field.Name,
            ["key"] = field.Id,
        };
        if (withFieldId)
        {
            meta["fieldId"] = field.Id;
        }

        meta["hasDefaultValue"] = screen.DefaultValue is not null;
        meta["operations"] = field.SchemaType == "array" ? new JsonArray("add", "set", "remove") : new JsonArray("set");
        if (field.AllowedValues.Count > 0)
        {
            meta["allowedValues"] = new JsonArray([.. field.AllowedValues.Select(v => (JsonNode)AllowedValue(field, v, site))]);
        }

        if (screen.DefaultValue is not null)
        {
            meta["defaultValue"] = FieldValueOf(field, screen.DefaultValue, site);
        }

        return meta;
    }

    public static JsonObject Attachment(SimAttachment attachment, SimAccount author, string site) => new()
    {
        ["self"] = $"{site}/rest/api/3/attachments/{attachment.Id}",
        ["id"] = attachment.Id,
        ["filename"] = attachment.FileName,
        ["author"] = User(author, site, withEmail: false),
        ["created"] = Date(attachment.Created),
        ["size"] = attachment.Content.LongLength,
        ["mimeType"] = attachment.MimeType,
        ["content"] = $"{site}/rest/api/3/attachment/content/{attachment.Id}",
    };

    public static JsonObject Comment(SimComment comment, SimIssue issue, string site, bool rendered, bool properties = false)
    {
        var json = new JsonObject
        {
            ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/comment/{comment.Id}",
            ["id"] = comment.Id,
            ["author"] = User(comment.Author, site, withEmail: false),
            ["body"] = comment.Body.DeepClone(),
            ["updateAuthor"] = User(comment.UpdateAuthor, site, withEmail: false),
            ["created"] = Date(comment.Created),
            ["updated"] = Date(comment.Updated),
            ["jsdPublic"] = !comment.Internal,
        };
        if (comment.Visibility is not null)
        {
            json["visibility"] = comment.Visibility.DeepClone();
        }

        if (rendered)
        {
            json["renderedBody"] = SimAdf.ToHtml(comment.Body);
        }

        if (properties)
        {
            json["properties"] = new JsonArray([.. comment.Properties.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value?.DeepClone() })]);
        }

        return json;
    }

    /// <summary>The issue bean: <paramref name="fields"/> null means all fields; an empty set means none (search default).</summary>
    public static JsonObject Issue(SimIssue issue, JiraSandboxState state, string site, ISet<string>? fields, bool rendered, bool withTransitions = false)
    {
        var json = new JsonObject
        {
            ["expand"] = "renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations",
            ["id"] = issue.Id,
            ["self"] = $"{site}/rest/api/3/issue/{issue.Id}",
            ["key"] = issue.Key,
        };

        var values = new JsonObject();
        var renderedValues = new JsonObject();
        foreach (var field in state.Fields)
        {
            if (fields is not null && !fields.Contains(field.Id))
            {
                continue;
            }

            if (field.Custom && fields is null && !IsOnProject(issue, field.Id))
            {
                continue;
            }

            values[field.Id] = IssueFieldValue(issue, field, state, site);
            if (rendered && field.IsRichText)
            {
                renderedValues[field.Id] = issue.Values[field.Id] is JsonObject doc ? SimAdf.ToHtml(doc) : null;
            }
        }

        if (fields is null || fields.Contains("resolutiondate"))
        {
            values["resolutiondate"] = issue.Values["resolutiondate"]?.DeepClone();
        }

        if (fields is null || fields.Count > 0)
        {
            json["fields"] = values;
        }

        if (rendered)
        {
            json["renderedFields"] = renderedValues;
        }

        if (withTransitions)
        {
            json["transitions"] = new JsonArray([.. state.AvailableTransitions(issue).Select(t => (JsonNode)Transition(t, state, site, withFields: false))]);
        }

        return json;
    }

    public static JsonObject Transition(SimTransition transition, JiraSandboxState state, string site, bool withFields)
    {
        var json = new JsonObject
        {
            ["id"] = transition.Id,
            ["name"] = transition.Name,
            ["to"] = Status(state.Statuses[transition.ToStatusId], site),
            ["hasScreen"] = transition.Screen.Count > 0,
            ["isGlobal"] = transition.FromStatusId is null,
            ["isInitial"] = false,
            ["isAvailable"] = true,
            ["isConditional"] = false,
        };
        if (withFields)
        {
            var fields = new JsonObject();
            foreach (var screen in transition.Screen)
            {
                fields[screen.FieldId] = FieldMeta(state.FindField(screen.FieldId)!, screen, site, withFieldId: false);
            }

            json["fields"] = fields;
        }

        return json;
    }

    /// <summary>A stored value in the shape a response carries it.</summary>
    public static JsonNode? FieldValueOf(SimField field, JsonNode? value, string site, JiraSandboxState? state = null)
    {
        if (value is null)
        {
            return null;
        }

        switch (field.SchemaType)
        {
            case "priority":
                return new JsonObject
                {
                    ["self"] = $"{site}/rest/api/3/priority/{value["id"]}",
                    ["iconUrl"] = $"{site}/images/icons/priorities/{value["name"]?.GetValue<string>().ToLowerInvariant()}.svg",
                    ["name"] = value["name"]?.DeepClone(),
                    ["id"] = value["id"]?.DeepClone(),
                };
            case "resolution":
                return new JsonObject
                {
                    ["self"] = $"{site}/rest/api/3/resolution/{value["id"]}",
                    ["id"] = value["id"]?.DeepClone(),
                    ["description"] = string.Empty,
                    ["name"] = value["name"]?.DeepClone(),
                };
            case "option":
                return new JsonObject
                {
                    ["self"] = $"{site}/rest/api/3/customFieldOption/{value["id"]}",
                    ["value"] = value["value"]?.DeepClone(),
                    ["id"] = value["id"]?.DeepClone(),
                };
            case "user":
                var account = state?.FindAccountById(value["accountId"]?.GetValue<string>());
                return account is null ? value.DeepClone() : User(account, site, withEmail: false);
            default:
                return value.DeepClone();
        }
    }

    private static JsonObject AllowedValue(SimField field, JsonObject value, string site) => field.SchemaType switch
    {
        "option" => new JsonObject
        {
            ["self"] = $"{site}/rest/api/3/customFieldOption/{value["id"]}",
            ["value"] = value["value"]?.DeepClone(),
            ["id"] = value["id"]?.DeepClone(),
        },
        _ => new JsonObject
        {
            ["self"] = $"{site}/rest/api/3/{field.SchemaType}/{value["id"]}",
            ["name"] = value["name"]?.DeepClone(),
            ["id"] = value["id"]?.DeepClone(),
        },
    };

    private static bool IsOnProject(SimIssue issue, string fieldId) =>
        issue.Project.EditOnlyFields.Contains(fieldId) || issue.Project.CreateScreens.Values.Any(s => s.Any(f => f.FieldId == fieldId));

    private static JsonNode? IssueFieldValue(SimIssue issue, SimField field, JiraSandboxState state, string site) => field.Id switch
    {
        "issuetype" => IssueType(state.IssueTypes[issue.IssueTypeId], site),
        "project" => Project(issue.Project, site),
        "status" => Status(state.Statuses[issue.StatusId], site),
        "created" => Date(issue.Created),
        "updated" => Date(issue.Updated),
        "reporter" => User(issue.Reporter, site, withEmail: false),
        "attachment" => new JsonArray([.. issue.Attachments.Select(a => (JsonNode)Attachment(a, a.Author, site))]),
        "comment" => new JsonObject
        {
            ["comments"] = new JsonArray([.. issue.Comments.Select(c => (JsonNode)Comment(c, issue, site, rendered: false))]),
            ["self"] = $"{site}/rest/api/3/issue/{issue.Id}/comment",
            ["maxResults"] = issue.Comments.Count,
            ["total"] = issue.Comments.Count,
            ["startAt"] = 0,
        },
        _ => FieldValueOf(field, issue.Values[field.Id], site, state),
    };
}
