namespace ZohoJira.Core.Zoho.Http.Wire;

/// <summary>Zoho's list envelope <c>{"data": [...]}</c> (search adds <c>count</c>).</summary>
internal sealed class ZohoDataList<T>
{
    public List<T>? Data { get; set; }
}
