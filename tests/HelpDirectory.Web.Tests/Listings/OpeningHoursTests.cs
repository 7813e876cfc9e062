using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Tests.Listings;

public sealed class OpeningHoursTests
{
    private static ServiceHours Hours(DayOfWeek day, string opens, string closes) => new()
    {
        Day = day,
        Opens = TimeOnly.Parse(opens, System.Globalization.CultureInfo.InvariantCulture),
        Closes = closes == "24:00" ? TimeOnly.MinValue : TimeOnly.Parse(closes, System.Globalization.CultureInfo.InvariantCulture),
        ClosesAtMidnight = closes == "24:00",
    };

    private static readonly ServiceHours[] OfficeHours = [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }.Select(d => Hours(d, "09:00", "17:00"))];

    [Theory]
    // 2026-11-18 is a Wednesday. Oslo is UTC+1 in November, UTC+2 in July.
    [InlineData("2026-11-18T07:59:00Z", "Europe/Oslo", OpenState.Closed)]
    [InlineData("2026-11-18T08:00:00Z", "Europe/Oslo", OpenState.Open)]
    [InlineData("2026-11-18T15:59:00Z", "Europe/Oslo", OpenState.Open)]
    [InlineData("2026-11-18T16:00:00Z", "Europe/Oslo", OpenState.Closed)]
    [InlineData("2026-07-15T07:30:00Z", "Europe/Oslo", OpenState.Open)]      // 09:30 in summer time
    [InlineData("2026-07-15T15:30:00Z", "Europe/Oslo", OpenState.Closed)]    // 17:30 in summer time
    // The same instant is 09:00 in Oslo but 03:00 in New York: one is open, one is not.
    [InlineData("2026-11-18T08:00:00Z", "America/New_York", OpenState.Closed)]
    [InlineData("2026-11-18T14:00:00Z", "America/New_York", OpenState.Open)]
    // Saturday
    [InlineData("2026-11-21T12:00:00Z", "Europe/Oslo", OpenState.Closed)]
    // Monday 00:30 in Tokyo is still Sunday in UTC
    [InlineData("2026-11-22T15:30:00Z", "Asia/Tokyo", OpenState.Closed)]
    [InlineData("2026-11-23T00:30:00Z", "Asia/Tokyo", OpenState.Open)]        // Monday 09:30 in Tokyo
    [InlineData("2026-11-18T12:00:00Z", "Not/AZone", OpenState.Unknown)]
    public void StateAt_UsesTheServicesOwnTimeZone(string utc, string zone, OpenState expected) =>
        Assert.Equal(expected, OpeningHours.StateAt(false, zone, OfficeHours, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-20T20:59:00Z", OpenState.Closed)] // Friday 21:59 Oslo
    [InlineData("2026-11-20T21:00:00Z", OpenState.Open)]   // Friday 22:00
    [InlineData("2026-11-21T00:30:00Z", OpenState.Open)]   // Saturday 01:30, still Friday's opening
    [InlineData("2026-11-21T01:00:00Z", OpenState.Closed)] // Saturday 02:00
    [InlineData("2026-11-22T00:30:00Z", OpenState.Closed)] // Sunday 01:30: Saturday has no opening
    public void StateAt_OpeningPastMidnight_StaysOpenIntoTheNextDay(string utc, OpenState expected) =>
        Assert.Equal(expected, OpeningHours.StateAt(false, "Europe/Oslo", [Hours(DayOfWeek.Friday, "22:00", "02:00")], DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-18T22:59:00Z", OpenState.Open)]   // 23:59 Oslo
    [InlineData("2026-11-18T23:00:00Z", OpenState.Closed)] // 00:00 Thursday
    public void StateAt_ClosingAtMidnight(string utc, OpenState expected) =>
        Assert.Equal(expected, OpeningHours.StateAt(false, "Europe/Oslo", [Hours(DayOfWeek.Wednesday, "10:00", "24:00")], DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void StateAt_24x7_IsAlwaysOpen_AndNoHoursIsUnknown()
    {
        Assert.Equal(OpenState.AlwaysOpen, OpeningHours.StateAt(true, "Europe/Oslo", [], DateTimeOffset.UnixEpoch));
        Assert.Equal(OpenState.Unknown, OpeningHours.StateAt(false, "Europe/Oslo", [], DateTimeOffset.UnixEpoch));
    }
}
