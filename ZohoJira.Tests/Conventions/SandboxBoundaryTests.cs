using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ZohoJira.Tests.Conventions;

/// <summary>The sandbox (simulated vendors) lives in its own assembly and the product never names its types: the web
/// app plugs it in through <c>SandboxRegistration</c> alone, and pages see only <c>ISandboxEnvironment</c> from Core.
/// Checked on the compiled assemblies' metadata, so Razor components and generated code are covered too.</summary>
public sealed class SandboxBoundaryTests
{
    private const string SandboxAssembly = "ZohoJira.Sandbox";

    [Fact]
    public void WebAssembly_NamesOnlyTheRegistrationSeamOfTheSandbox()
    {
        var named = TypesReferencedFrom(typeof(ZohoJira.Web.WebServiceCollectionExtensions).Assembly, SandboxAssembly);

        named.Should().Equal(["ZohoJira.Sandbox.SandboxRegistration"],
            "the web app plugs the sandbox in through its registration seam and uses ISandboxEnvironment otherwise");
    }

    [Fact]
    public void CoreAssembly_DoesNotReferenceTheSandbox()
    {
        typeof(ZohoJira.Core.CoreServiceCollectionExtensions).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name)
            .Should().NotContain(SandboxAssembly);
    }

    [Fact]
    public void OnlyTheSandbox_ReferencesBogus()
    {
        typeof(ZohoJira.Sandbox.SandboxRegistration).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name).Should().Contain("Bogus", "the sandbox seeds its data with Bogus");
        foreach (var product in new[] { typeof(ZohoJira.Web.WebServiceCollectionExtensions).Assembly, typeof(ZohoJira.Core.CoreServiceCollectionExtensions).Assembly })
        {
            product.GetReferencedAssemblies().Select(a => a.Name)
                .Should().NotContain("Bogus", $"{product.GetName().Name} is product code; fake data belongs to the sandbox");
        }
    }

    [Fact]
    public void TheCheck_SeesSandboxTypesWhereTheyAreUsed()
    {
        // The tests assembly names many sandbox types; if the metadata walk found none there, the checks above would
        // pass for the wrong reason.
        var named = TypesReferencedFrom(typeof(SandboxBoundaryTests).Assembly, SandboxAssembly);

        named.Should().Contain("ZohoJira.Sandbox.ZohoDesk.ZohoSandboxState")
            .And.Contain("ZohoJira.Sandbox.JiraCloud.JiraSandboxFaults");
    }

    /// <summary>Full names of the types of <paramref name="target"/> that <paramref name="assembly"/>'s metadata refers to.</summary>
    private static List<string> TypesReferencedFrom(Assembly assembly, string target)
    {
        using var stream = File.OpenRead(assembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var handle in md.TypeReferences)
        {
            var type = md.GetTypeReference(handle);
            var outermost = type;
            while (outermost.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                outermost = md.GetTypeReference((TypeReferenceHandle)outermost.ResolutionScope);
            }

            if (outermost.ResolutionScope.Kind != HandleKind.AssemblyReference)
            {
                continue;
            }

            var reference = md.GetAssemblyReference((AssemblyReferenceHandle)outermost.ResolutionScope);
            if (md.GetString(reference.Name) == target)
            {
                var ns = md.GetString(outermost.Namespace);
                names.Add($"{ns}.{md.GetString(outermost.Name)}");
            }
        }

        return [.. names];
    }
}
