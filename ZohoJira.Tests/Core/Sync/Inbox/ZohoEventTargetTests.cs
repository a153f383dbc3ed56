using ZohoJira.Core.Sync.Inbox;
using ZohoJira.Core.Zoho.Models;

namespace ZohoJira.Tests.Core.Sync.Inbox;

public sealed class ZohoEventTargetTests
{
    [Theory]
    [InlineData("""{"eventType":"Ticket_Update","payload":{"id":"11"}}""", "tickets", "11", false, false)]
    [InlineData("""{"eventType":"Ticket_Add","payload":{"id":"12"}}""", "tickets", "12", true, false)]
    [InlineData("""{"eventType":"Ticket_Delete","payload":{"id":"13"}}""", "tickets", "13", false, true)]
    [InlineData("""{"eventType":"Ticket_Comment_Add","payload":{"id":"c1","ticketId":"14"}}""", "tickets", "14", false, false)]
    [InlineData("""{"eventType":"Ticket_Attachment_Add","payload":{"id":"a1","ticketId":"15"}}""", "tickets", "15", false, false)]
    [InlineData("""{"eventType":"Contact_Update","payload":{"id":"16"}}""", "contacts", "16", false, false)]
    [InlineData("""{"eventType":"TimeEntry_Add","payload":{"id":"t1","parent":{"id":"17","type":"TICKETS"}}}""", "timeEntry", "17:t1", true, false)]
    [InlineData("""{"eventType":"Account_Update","payload":{"id":18}}""", "accounts", "18", false, false)]
    public void From_KnownEvent_NamesTheRecord(string json, string module, string id, bool added, bool deleted) =>
        ZohoEventTarget.From(json).Should().BeEquivalentTo(new ZohoEventTarget(ZohoModule.FromApiName(module)!, id, added, deleted),
            o => o.Excluding(t => t.CommentId).Excluding(t => t.AttachmentId));

    [Theory]
    [InlineData("""{"eventType":"Ticket_Comment_Add","payload":{"id":"c1","ticketId":"14"}}""", "c1", null)]
    [InlineData("""{"eventType":"Ticket_Comment_Update","payload":{"id":"c2","ticketId":"14"}}""", "c2", null)]
    [InlineData("""{"eventType":"Ticket_Attachment_Add","payload":{"id":"a1","ticketId":"15"}}""", null, "a1")]
    [InlineData("""{"eventType":"Ticket_Update","payload":{"id":"11"}}""", null, null)]
    [InlineData("""{"eventType":"Ticket_Comment_Attachment_Add","payload":{"id":"a2","ticketId":"15"}}""", null, null)]
    public void From_CommentOrFileEvent_NamesTheCommentOrFile(string json, string? commentId, string? attachmentId)
    {
        var target = ZohoEventTarget.From(json)!;

        target.CommentId.Should().Be(commentId);
        target.AttachmentId.Should().Be(attachmentId);
    }

    [Theory]
    [InlineData("""{"eventType":"Agent_Update","payload":{"id":"1"}}""")]
    [InlineData("""{"eventType":"Ticket_Update","payload":{}}""")]
    [InlineData("""{"eventType":"Ticket_Comment_Add","payload":{"id":"c1"}}""")]
    [InlineData("""{"payload":{"id":"1"}}""")]
    [InlineData("not json")]
    public void From_EventWithoutAKnownRecord_IsNull(string json) => ZohoEventTarget.From(json).Should().BeNull();
}
