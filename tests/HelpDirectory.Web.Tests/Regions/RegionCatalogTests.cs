using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Tests.Regions;

public sealed class RegionCatalogTests
{
    private static RegionSnapshot Snapshot(string lineName) =>
        new([new RegionInfo("NO", "NO", null, "Norway", "no", "Europe/Oslo")], [],
            [new CrisisLineInfo(1, "NO", lineName, "", "116 123", null, null, null, null, null, "24/7", true, true, "test")]);

    [Fact]
    public async Task Invalidate_WhileALoadIsInFlight_TheOldDataIsNotKept()
    {
        var loads = 0;
        var releaseFirstLoad = new TaskCompletionSource();
        var catalog = new RegionCatalog(async _ =>
        {
            // The first load read the database before the editor's change; it finishes only after the change.
            if (Interlocked.Increment(ref loads) == 1)
            {
                await releaseFirstLoad.Task;
                return Snapshot("old line");
            }
            return Snapshot("new line");
        });

        var inFlight = catalog.GetAsync().AsTask();
        catalog.Invalidate();
        releaseFirstLoad.SetResult();
        await inFlight;
        var next = await catalog.GetAsync();

        Assert.Equal("new line", next.CrisisLinesFor(next.Find("NO")!)[0].Name);
        Assert.Equal(2, loads);
    }

    [Fact]
    public async Task GetAsync_LoadsOnce_UntilInvalidated()
    {
        var loads = 0;
        var catalog = new RegionCatalog(_ => Task.FromResult(Snapshot($"load {Interlocked.Increment(ref loads)}")));

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => catalog.GetAsync().AsTask()));
        Assert.Equal(1, loads);
        catalog.Invalidate();
        var after = await catalog.GetAsync();

        Assert.Equal(2, loads);
        Assert.Equal("load 2", after.CrisisLinesFor(after.Find("NO")!)[0].Name);
    }
}
