using System.Net;
using HelpDirectory.Web.Regions;

namespace HelpDirectory.Web.Tests.Regions;

public sealed class GeoIpFileTests : IDisposable
{
    private readonly string _path = Path.GetTempFileName();

    public GeoIpFileTests() => File.WriteAllLines(_path,
    [
        "# documentation ranges only (RFC 5737, RFC 3849)",
        "192.0.2.0,192.0.2.255,NO",
        "\"198.51.100.0\",\"198.51.100.255\",\"se\"",
        "2001:db8::,2001:db8:ffff:ffff:ffff:ffff:ffff:ffff,GB",
    ]);

    [Theory]
    [InlineData("192.0.2.0", "NO")]
    [InlineData("192.0.2.77", "NO")]
    [InlineData("192.0.2.255", "NO")]
    [InlineData("198.51.100.9", "SE")]
    [InlineData("2001:db8::1", "GB")]
    [InlineData("::ffff:192.0.2.8", "NO")]
    [InlineData("203.0.113.1", null)]
    [InlineData("192.0.3.0", null)]
    public void CountryFor_FindsTheRangeHoldingTheAddress(string address, string? expected) =>
        Assert.Equal(expected, GeoIpFile.Load(_path).CountryFor(IPAddress.Parse(address)));

    [Fact]
    public void Load_MalformedLine_FailsWithItsLineNumber()
    {
        File.AppendAllLines(_path, ["not,an,address"]);
        var ex = Assert.Throws<InvalidDataException>(() => GeoIpFile.Load(_path));
        Assert.Contains("line 5", ex.Message);
    }

    public void Dispose() => File.Delete(_path);
}
