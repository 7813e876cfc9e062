using HelpDirectory.Web.Hosting;

namespace HelpDirectory.Web.Tests.Hosting;

public sealed class NativeHeapTests
{
    [Fact]
    public void OnLinux_GlibcTakesTheArenaAndMappingSettings()
    {
        // The site and its tests run on Debian (glibc): both settings must be accepted there, or the memory they save is
        // silently lost. Calling it again is harmless (the values are the same).
        Assert.Equal(OperatingSystem.IsLinux(), NativeHeap.Configure());
    }
}
