namespace ZohoJira.Core.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
