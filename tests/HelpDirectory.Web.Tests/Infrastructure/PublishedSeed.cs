using System.Text.Json.Nodes;

namespace HelpDirectory.Web.Tests.Infrastructure;

/// <summary>What the published seed holds, read from content/data as it is, so counts follow the data.</summary>
public static class PublishedSeed
{
    public static int PublishedServices { get; } = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Content, "data", "services.json")))!["services"]!
        .AsArray().Count(s => !string.Equals((string?)s!["status"], "draft", StringComparison.OrdinalIgnoreCase));
}
