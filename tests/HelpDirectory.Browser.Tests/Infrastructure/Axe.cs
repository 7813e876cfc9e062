using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HelpDirectory.Browser.Tests.Infrastructure;

public static class Axe
{
    /// <summary>Every axe rule for WCAG 2.0, 2.1 and 2.2 at levels A and AA.</summary>
    public static readonly IReadOnlyList<string> WcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

    /// <summary>
    /// Runs axe-core in the page itself. Our pages have no frames, so the package's default frame-by-frame mode (which
    /// opens a second page per run to merge frame results) only triples the time; its "legacy" single-page mode gives
    /// the same results for a frameless page.
    /// </summary>
    public static async Task<AxeResult> RunWcagAsync(this IPage page)
    {
        var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = WcagTags.ToList() } };
#pragma warning disable CS0618 // RunAxeLegacy is marked obsolete; see the summary for why it is the right mode here.
        return await page.RunAxeLegacy(null!, options, null!);
#pragma warning restore CS0618
    }

    public static string Describe(this AxeResult result)
    {
        var text = new StringBuilder($"axe found {result.Violations.Length} violation(s) on {result.Url}:\n");
        foreach (var v in result.Violations)
        {
            text.AppendLine($"- {v.Id} ({v.Impact}): {v.Help} {v.HelpUrl}");
            foreach (var node in v.Nodes.Take(5))
            {
                var checks = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message);
                text.AppendLine($"    {node.Target}: {node.Html}\n      {string.Join("\n      ", checks)}");
            }
        }
        return text.ToString();
    }
}
