using System.Text.Json.Nodes;
using ZohoJira.Core.Jira.Models;

namespace ZohoJira.Core.Sync.ZohoToJira;

/// <summary>What <see cref="JiraStatusChooser"/> decided: nothing to do, a transition (with the screen fields to send and
/// the rule that chose it), or no path (with a reason an admin can act on).</summary>
public sealed record StatusDecision
{
    private StatusDecision()
    {
    }

    public StatusDecisionKind Kind { get; private init; }

    public JiraTransition? Transition { get; private init; }

    public JsonObject? Fields { get; private init; }

    /// <summary>Which rule chose the transition, or why there is none.</summary>
    public string Reason { get; private init; } = string.Empty;

    public static StatusDecision Aligned(string reason) => new() { Kind = StatusDecisionKind.Aligned, Reason = reason };

    public static StatusDecision Move(JiraTransition transition, JsonObject fields, string rule) =>
        new() { Kind = StatusDecisionKind.Transition, Transition = transition, Fields = fields, Reason = rule };

    public static StatusDecision NoPath(string reason) => new() { Kind = StatusDecisionKind.NoPath, Reason = reason };
}
