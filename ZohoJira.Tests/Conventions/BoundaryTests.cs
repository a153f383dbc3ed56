using System.Reflection;
using System.Text.RegularExpressions;

namespace ZohoJira.Tests.Conventions;

/// <summary>The architecture's boundaries, checked on the source and the compiled assembly so a change that crosses one
/// fails the build's tests instead of a review.</summary>
public sealed partial class BoundaryTests
{
    private static readonly string Root = FindRepositoryRoot();

    [Theory]
    [InlineData("ZohoJira.Core/Zoho", "ZohoJira.Core.Jira")]
    [InlineData("ZohoJira.Core/Jira", "ZohoJira.Core.Zoho")]
    [InlineData("ZohoJira.Core/Sync", "ZohoJira.Core.Zoho.Http")]
    [InlineData("ZohoJira.Core/Sync", "ZohoJira.Core.Jira.Http")]
    [InlineData("ZohoJira.Core", "ZohoJira.Web")]
    public void Source_InFolder_DoesNotReferenceNamespace(string folder, string forbidden)
    {
        var offenders = SourceFiles(folder)
            .Where(file => File.ReadLines(file).Any(line => References(line, forbidden)))
            .Select(file => Path.GetRelativePath(Root, file))
            .ToList();
        offenders.Should().BeEmpty($"code in {folder} must not use {forbidden}");
    }

    [Fact]
    public void WireTypes_AreNotPublic()
    {
        var publicWire = typeof(ZohoJira.Core.CoreServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.EndsWith(".Http.Wire", StringComparison.Ordinal) || ns.EndsWith(".Http", StringComparison.Ordinal))
                && !ns.StartsWith("ZohoJira.Core.Common", StringComparison.Ordinal)
                && t.IsVisible)
            .Select(t => t.FullName)
            .ToList();
        publicWire.Should().BeEmpty("vendor wire types and HTTP adapters stay internal; ports speak our models");
    }

    [Fact]
    public void SecretsAndTokens_HaveNoPublicToString()
    {
        var overriding = typeof(ZohoJira.Core.CoreServiceCollectionExtensions).Assembly.GetTypes()
            .Where(t => t.Namespace == "ZohoJira.Core.Connections" && t.IsClass && !t.IsAbstract)
            .Where(t => t.GetProperties().Any(p => SecretName().IsMatch(p.Name)))
            .Where(t => t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)) || IsRecord(t))
            .Select(t => t.FullName)
            .ToList();
        overriding.Should().BeEmpty("records print every property in ToString, which would put secrets in logs");
    }

    private static bool IsRecord(Type type) =>
        type.GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance) is not null;

    private static bool References(string line, string ns)
    {
        var trimmed = line.TrimStart();
        return !trimmed.StartsWith("//", StringComparison.Ordinal)
            && (trimmed.StartsWith($"using {ns};", StringComparison.Ordinal)
                || trimmed.StartsWith($"using {ns}.", StringComparison.Ordinal)
                || line.Contains($"{ns}.", StringComparison.Ordinal) && !trimmed.StartsWith("namespace ", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SourceFiles(string folder)
    {
        var path = Path.Combine(Root, folder);
        return Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                    && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            : [];
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ZohoJira.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("ZohoJira.sln not found above the test output folder.");
    }

    [GeneratedRegex("(Secret|Token|Password)$")]
    private static partial Regex SecretName();
}
