namespace ZohoJira.Core.Persistence;

/// <summary>The value of <c>Database:Provider</c>. Each has a derived context that owns its migration set.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
