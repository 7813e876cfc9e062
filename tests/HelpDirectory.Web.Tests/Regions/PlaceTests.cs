using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Tests.Regions;

public sealed class PlaceTests
{
    private static readonly RegionInfo Norway = new("NO", "NO", null, "Norway", "no", "Europe/Oslo");
    private static readonly RegionInfo Oslo = new("NO-03", "NO", "NO", "Oslo", "oslo", "Europe/Oslo");

    [Fact]
    public void Country_AddressesAndName()
    {
        var place = new Place(Norway, null);

        Assert.Equal("/help/no", place.Path);
        Assert.Equal("/help/no/therapy", place.KindPath("therapy"));
        Assert.Equal("Norway", place.Name);
        Assert.Same(Norway, place.Most);
        Assert.Equal("/help/no/oslo", place.Within(Oslo).Path);
    }

    [Fact]
    public void Subdivision_AddressesAndName()
    {
        var place = new Place(Norway, Oslo);

        Assert.Equal("/help/no/oslo", place.Path);
        Assert.Equal("/help/no/oslo/groups", place.KindPath("groups"));
        Assert.Equal("Oslo, Norway", place.Name);
        Assert.Same(Oslo, place.Most);
        Assert.Equal("/help/no", place.WholeCountry.Path);
    }
}
