using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HelpDirectory.Web.Regions;

/// <summary>
/// An optional, local GeoIP database: a CSV file of "first address,last address,country code" rows (the layout of the
/// freely licensed DB-IP and IP2Location LITE country files). Off unless Regions:GeoIpFile names a file. Lookups happen in
/// memory; no address is ever sent anywhere, stored or logged.
/// </summary>
public sealed class GeoIpFile
{
    private readonly (UInt128 First, UInt128 Last, string Country)[] _ranges;

    private GeoIpFile((UInt128, UInt128, string)[] ranges) => _ranges = ranges;

    public int Count => _ranges.Length;

    public static GeoIpFile Load(string path)
    {
        var ranges = new List<(UInt128, UInt128, string)>();
        foreach (var (line, number) in File.ReadLines(path).Select((l, i) => (l, i + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split(',', StringSplitOptions.TrimEntries).Select(p => p.Trim('"')).ToArray();
            if (parts.Length < 3 || !IPAddress.TryParse(parts[0], out var first) || !IPAddress.TryParse(parts[1], out var last) || parts[2].Length != 2)
                throw new InvalidDataException($"{path}, line {number}: expected \"first address,last address,country code\"");
            ranges.Add((ToNumber(first), ToNumber(last), parts[2].ToUpperInvariant()));
        }
        return new GeoIpFile(ranges.OrderBy(r => r.Item1).ToArray());
    }

    public string? CountryFor(IPAddress? address)
    {
        if (address is null || _ranges.Length == 0) return null;
        var n = ToNumber(address);
        int lo = 0, hi = _ranges.Length - 1;
        while (lo <= hi)
        {
            var mid = lo + (hi - lo) / 2;
            var (first, last, country) = _ranges[mid];
            if (n < first) hi = mid - 1;
            else if (n > last) lo = mid + 1;
            else return country;
        }
        return null;
    }

    // IPv4 addresses become IPv4-mapped IPv6 numbers, so both kinds share one sorted table.
    private static UInt128 ToNumber(IPAddress address)
    {
        var bytes = (address.AddressFamily == AddressFamily.InterNetwork ? address.MapToIPv6() : address).GetAddressBytes();
        return UInt128.Parse(Convert.ToHexString(bytes), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
    }
}
