namespace ZohoJira.Core.Jira.Adf;

/// <summary>The outcome of <see cref="AdfValidator.Validate"/>: each error is "path: problem".</summary>
public sealed record AdfValidationResult(IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public override string ToString() => IsValid ? "valid" : string.Join("; ", Errors);
}
