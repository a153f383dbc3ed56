using System.Text.Json;

namespace ZohoJira.Core.SmartItems;

/// <summary>Moves a definition between its stored shape (columns + document) and <see cref="SmartItemModel"/>.</summary>
internal static class SmartItemMapper
{
    public static SmartItemModel ToModel(SmartItemDefinition entity)
    {
        var document = ReadDocument(entity.DefinitionJson);
        return new SmartItemModel
        {
            Name = entity.Name,
            Mode = entity.Mode,
            JiraProjectKey = entity.JiraProjectKey,
            JiraProjectName = document.JiraProjectName,
            JiraIssueTypeId = entity.JiraIssueType,
            JiraIssueTypeName = document.JiraIssueTypeName,
            ZohoModule = entity.ZohoModule,
            ZohoModuleName = document.ZohoModuleName,
            DisplayFields = document.DisplayFields,
            Mappings = document.Mappings,
            Status = document.Status,
            Options = new SyncOptions
            {
                AutoCreate = entity.AutoCreate,
                AutoCreateBaseline = entity.AutoCreateBaseline,
                Status = entity.SyncStatus,
                Comments = entity.SyncComments,
                JiraCommentVisibility = document.JiraCommentVisibility,
                Attachments = entity.SyncAttachments,
                AttachmentSizeLimitBytes = document.AttachmentSizeLimitBytes,
            },
            Rules = document.Rules,
            Paused = entity.IsPaused,
        };
    }

    /// <summary>Writes the model onto the entity: columns and document. Concurrency and timestamps are the caller's.</summary>
    public static void Apply(SmartItemModel model, SmartItemDefinition entity)
    {
        entity.Name = model.Name.Trim();
        entity.Mode = model.Mode;
        entity.JiraProjectKey = model.JiraProjectKey.Trim();
        entity.JiraIssueType = string.IsNullOrWhiteSpace(model.JiraIssueTypeId) ? null : model.JiraIssueTypeId.Trim();
        entity.ZohoModule = model.ZohoModule.Trim();
        entity.IsPaused = model.Paused;
        entity.AutoCreate = model.Options.AutoCreate;
        entity.AutoCreateBaseline = model.Options.AutoCreate ? AsUtc(model.Options.AutoCreateBaseline) : null;
        entity.SyncStatus = model.Options.Status;
        entity.SyncComments = model.Options.Comments;
        entity.SyncAttachments = model.Options.Attachments;
        entity.SchemaVersion = SmartItemSchema.CurrentVersion;
        entity.DefinitionJson = WriteDocument(new SmartItemDocument
        {
            JiraProjectName = model.JiraProjectName,
            JiraIssueTypeName = model.JiraIssueTypeName,
            ZohoModuleName = model.ZohoModuleName,
            DisplayFields = model.DisplayFields,
            Mappings = model.Mappings,
            Status = model.Status,
            JiraCommentVisibility = model.Options.JiraCommentVisibility,
            AttachmentSizeLimitBytes = model.Options.AttachmentSizeLimitBytes,
            Rules = model.Rules,
        });
    }

    public static SmartItemDocument ReadDocument(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return new SmartItemDocument();
        }

        return JsonSerializer.Deserialize(json, SmartItemJsonContext.Default.SmartItemDocument) ?? new SmartItemDocument();
    }

    public static string WriteDocument(SmartItemDocument document) =>
        JsonSerializer.Serialize(document, SmartItemJsonContext.Default.SmartItemDocument);

    private static DateTime? AsUtc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };
}
