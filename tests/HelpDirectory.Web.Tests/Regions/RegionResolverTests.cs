using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Tests.Regions;

public sealed class RegionResolverTests
{
    private static readonly RegionSnapshot Regions = new(
    [
        new RegionInfo("NO", "NO", null, "Norway", "no", "Europe/Oslo", "nb nn no"),
        new RegionInfo("NO-03", "NO", "NO", "Oslo", "oslo", "Europe/Oslo"),
        new RegionInfo("GB", "GB", null, "United Kingdom", "gb", "Europe/London"),
        new RegionInfo("GB-SCT", "GB", "GB", "Scotland", "scotland", "Europe/London"),
        new RegionInfo("SE", "SE", null, "Sweden", "se", "Europe/Stockholm", "sv"),
        new RegionInfo("US", "US", null, "United States", "us", "America/New_York"),
        // Two countries claim "xx": a language that is not unambiguous must not pick either.
        new RegionInfo("BE", "BE", null, "Belgium", "be", "Europe/Brussels", "xx"),
        new RegionInfo("NL", "NL", null, "Netherlands", "nl", "Europe/Amsterdam", "xx"),
    ], [], []);

    [Theory]
    // path beats cookie beats header
    [InlineData("no", null, "GB", "en-US", "NO", RegionSource.Path)]
    [InlineData("no", "oslo", "GB", "en-US", "NO-03", RegionSource.Path)]
    [InlineData("no", "atlantis", "GB", "en-US", "NO", RegionSource.Path)]
    [InlineData("zz", null, "GB-SCT", "nb-NO", "GB-SCT", RegionSource.Cookie)]
    [InlineData(null, null, "GB", "nb-NO", "GB", RegionSource.Cookie)]
    [InlineData(null, null, "gb-sct", null, "GB-SCT", RegionSource.Cookie)]
    // an unknown or hostile cookie is ignored
    [InlineData(null, null, "XX", "sv-SE", "SE", RegionSource.AcceptLanguage)]
    [InlineData(null, null, "<script>", "sv-SE", "SE", RegionSource.AcceptLanguage)]
    // region subtag, then unambiguous language default
    [InlineData(null, null, null, "en-GB", "GB", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "nb-NO,nb;q=0.9", "NO", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "nb", "NO", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "nn", "NO", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "sv", "SE", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "zh-Hant-GB", "GB", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "en-US;q=0.5, en-GB;q=0.9", "GB", RegionSource.AcceptLanguage)]
    [InlineData(null, null, null, "fr-FR, nb;q=0.8", "NO", RegionSource.AcceptLanguage)]
    // nothing known: the international fallback
    [InlineData(null, null, null, "en", "INTL", RegionSource.Fallback)]
    [InlineData(null, null, null, "xx", "INTL", RegionSource.Fallback)]
    [InlineData(null, null, null, "fr-FR", "INTL", RegionSource.Fallback)]
    [InlineData(null, null, null, "nb-NO;q=0", "INTL", RegionSource.Fallback)]
    [InlineData(null, null, null, ";;;,,,q=,*", "INTL", RegionSource.Fallback)]
    [InlineData(null, null, null, null, "INTL", RegionSource.Fallback)]
    public void Resolve_FollowsPathCookieHeaderFallbackOrder(string? pathCountry, string? pathRegion, string? cookie, string? acceptLanguage, string expected, RegionSource source)
    {
        var resolved = RegionResolver.Resolve(Regions, new RegionRequest(pathCountry, pathRegion, cookie, acceptLanguage));

        Assert.Equal(expected, resolved.CacheKey);
        Assert.Equal(source, resolved.Source);
    }

    [Fact]
    public void Resolve_GeoIpCountry_IsUsedOnlyAfterLanguage()
    {
        Assert.Equal("US", RegionResolver.Resolve(Regions, new RegionRequest(null, null, null, "en", "US")).CacheKey);
        Assert.Equal("SE", RegionResolver.Resolve(Regions, new RegionRequest(null, null, null, "sv", "US")).CacheKey);
    }

    [Fact]
    public void Resolve_SubdivisionFromCookie_CarriesItsCountry()
    {
        var resolved = RegionResolver.Resolve(Regions, new RegionRequest(null, null, "NO-03", null));

        Assert.Equal("NO", resolved.Country?.Code);
        Assert.Equal("Oslo, Norway", resolved.DisplayName);
    }
}
