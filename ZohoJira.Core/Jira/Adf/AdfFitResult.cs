using System.Text.Json.Nodes;

namespace ZohoJira.Core.Jira.Adf;

/// <summary>The outcome of <see cref="AdfText.FitToLimit"/>.</summary>
/// <param name="Document">The document to send: the input (copied) when it fits, else the truncated copy with the marker.</param>
/// <param name="Truncated">Whether anything was cut.</param>
/// <param name="OmittedCharacters">Characters of plain text that were cut (what the marker reports).</param>
/// <param name="Length">The measured length of <paramref name="Document"/> (see <see cref="AdfText.MeasureLength"/>).</param>
public sealed record AdfFitResult(JsonObject Document, bool Truncated, int OmittedCharacters, int Length);
