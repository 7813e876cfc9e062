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

    private static ServiceHours[] Week(string opens, string closes, params DayOfWeek[] days) =>
        [.. (days.Length == 0 ? Enum.GetValues<DayOfWeek>() : days).Select(d => Hours(d, opens, closes))];

    private static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly Dictionary<string, (bool Is24x7, ServiceHours[] Hours)> Schedules = new()
    {
        ["always"] = (true, []),
        ["none"] = (false, []),
        ["office"] = (false, Week("09:00", "17:00", Weekdays)),
        ["late"] = (false, Week("09:00", "22:45", Weekdays)),
        ["wed-all-day"] = (false, [Hours(DayOfWeek.Wednesday, "00:00", "24:00")]),
        ["sun-all-day"] = (false, [Hours(DayOfWeek.Sunday, "00:00", "24:00")]),
        ["wed-afternoon"] = (false, [Hours(DayOfWeek.Wednesday, "16:15", "20:00")]),
        ["wed-to-midnight"] = (false, [Hours(DayOfWeek.Wednesday, "10:00", "24:00")]),
        ["nights"] = (false, Week("18:00", "02:00")),
        ["sat-night-3"] = (false, [Hours(DayOfWeek.Saturday, "22:00", "03:00")]),
        ["sat-night-4"] = (false, [Hours(DayOfWeek.Saturday, "18:00", "04:00")]),
        ["sat-night-2"] = (false, [Hours(DayOfWeek.Saturday, "20:00", "02:00")]),
        ["sun-early"] = (false, [Hours(DayOfWeek.Sunday, "03:20", "10:00")]),
    };

    [Theory]
    // Wednesday 2026-11-18; Oslo is UTC+1, viewed from Oslo, so no zone is named.
    [InlineData("always", "2026-11-18T12:00:00Z", "Open 24/7")]
    [InlineData("late", "2026-11-18T21:35:00Z", "Closes in 10 min")]                       // 22:35
    [InlineData("late", "2026-11-18T21:44:30Z", "Closes in 1 min")]                        // 22:44:30
    [InlineData("late", "2026-11-18T21:14:00Z", "Open now · until 22:45")]                 // 22:14: 31 min, not yet counting down
    [InlineData("late", "2026-11-18T19:00:00Z", "Open now · until 22:45")]                 // 20:00
    [InlineData("wed-all-day", "2026-11-18T11:00:00Z", "Open 24 hours today")]
    [InlineData("wed-to-midnight", "2026-11-18T19:00:00Z", "Open now · until midnight")]
    [InlineData("nights", "2026-11-18T23:30:00Z", "Open now · until 02:00")]               // Thursday 00:30
    [InlineData("nights", "2026-11-18T19:00:00Z", "Open now · until 02:00")]               // Wednesday 20:00
    [InlineData("office", "2026-11-18T07:55:00Z", "Opens in 5 min")]                       // 08:55
    [InlineData("wed-afternoon", "2026-11-18T11:00:00Z", "Closed · opens at 16:15")]        // 12:00
    [InlineData("office", "2026-11-18T17:00:00Z", "Closed · opens tomorrow at 09:00")]      // Wednesday 18:00
    [InlineData("office", "2026-11-21T11:00:00Z", "Closed · opens Monday at 09:00")]        // Saturday
    [InlineData("office", "2026-11-20T17:00:00Z", "Closed · opens Monday at 09:00")]        // Friday 18:00
    [InlineData("wed-afternoon", "2026-11-19T11:00:00Z", "Closed · opens Wednesday at 16:15")] // Thursday: six days on
    [InlineData("none", "2026-11-18T12:00:00Z", "Hours not listed: check before calling")]
    // Europe, clocks forward on Sunday 2026-03-29 at 02:00 CET to 03:00 CEST: the night is an hour shorter.
    [InlineData("sat-night-3", "2026-03-29T00:50:00Z", "Closes in 10 min")]                // 01:50 CET; 03:00 CEST is 01:00 UTC
    [InlineData("sat-night-4", "2026-03-29T01:00:00Z", "Open now · until 04:00")]          // 03:00 CEST
    [InlineData("sun-early", "2026-03-29T00:55:00Z", "Opens in 25 min")]                   // 01:55 CET; 03:20 CEST is 01:20 UTC
    [InlineData("sun-all-day", "2026-03-29T12:00:00Z", "Open 24 hours today")]             // a 23-hour day
    // Europe, clocks back on Sunday 2026-10-25 at 03:00 CEST to 02:00 CET: 02:50 happens twice.
    [InlineData("sat-night-3", "2026-10-25T00:50:00Z", "Open now · until 03:00")]          // 02:50 CEST, 70 minutes left
    [InlineData("sat-night-3", "2026-10-25T01:50:00Z", "Closes in 10 min")]                // 02:50 CET
    [InlineData("sun-all-day", "2026-10-25T12:00:00Z", "Open 24 hours today")]             // a 25-hour day
    public void StatusAt_Oslo_SaysWhen(string schedule, string utc, string expected)
    {
        var (is24x7, hours) = Schedules[schedule];
        Assert.Equal(expected, OpeningHours.StatusAt(is24x7, "Europe/Oslo", hours, At(utc), "Europe/Oslo").Text);
    }

    [Theory]
    // US, clocks forward on Sunday 2026-03-08 at 02:00 EST to 03:00 EDT.
    [InlineData("sat-night-3", "2026-03-08T06:55:00Z", "Closes in 5 min")]                 // 01:55 EST; 03:00 EDT is 07:00 UTC
    [InlineData("sun-early", "2026-03-08T06:55:00Z", "Opens in 25 min")]                   // 03:20 EDT is 07:20 UTC
    // US, clocks back on Sunday 2026-11-01 at 02:00 EDT to 01:00 EST: 01:40 happens twice.
    [InlineData("sat-night-2", "2026-11-01T05:40:00Z", "Open now · until 02:00")]          // 01:40 EDT, 80 minutes left
    [InlineData("sat-night-2", "2026-11-01T06:40:00Z", "Closes in 20 min")]                // 01:40 EST
    [InlineData("office", "2026-11-02T13:55:00Z", "Opens in 5 min")]                       // Monday 08:55 EST
    public void StatusAt_NewYork_AcrossDaylightSaving(string schedule, string utc, string expected)
    {
        var (is24x7, hours) = Schedules[schedule];
        Assert.Equal(expected, OpeningHours.StatusAt(is24x7, "America/New_York", hours, At(utc), "America/New_York").Text);
    }

    [Theory]
    // 12:00 UTC on a Wednesday: 12:00 in London, 13:00 in Oslo, 07:00 in New York.
    [InlineData("Europe/London", "Europe/Oslo", "Open now · until 17:00 UK time")]
    [InlineData("Europe/London", "Europe/Dublin", "Open now · until 17:00")]                // same clock
    [InlineData("Europe/Oslo", "Europe/Stockholm", "Open now · until 17:00")]               // same clock
    [InlineData("Europe/Oslo", null, "Open now · until 17:00 Norway time")]                 // no region: always named
    [InlineData("America/New_York", "Europe/Oslo", "Closed · opens at 09:00 New York time")]
    [InlineData("America/New_York", "America/Toronto", "Closed · opens at 09:00")]
    public void StatusAt_NamesTheServicesZone_WhenTheViewersClockDiffers(string serviceZone, string? viewerZone, string expected) =>
        Assert.Equal(expected, OpeningHours.StatusAt(false, serviceZone, OfficeHours, At("2026-11-18T12:00:00Z"), viewerZone).Text);

    [Theory]
    [InlineData("always", "2026-11-18T12:00:00Z", true)]
    [InlineData("late", "2026-11-18T21:44:00Z", true)]
    [InlineData("late", "2026-11-18T21:45:00Z", false)]
    [InlineData("nights", "2026-11-19T00:59:00Z", true)]
    [InlineData("nights", "2026-11-19T01:00:00Z", false)]
    [InlineData("office", "2026-11-18T07:55:00Z", false)]
    [InlineData("none", "2026-11-18T12:00:00Z", false)]
    public void StateAt_AgreesWithTheWords(string schedule, string utc, bool open)
    {
        var (is24x7, hours) = Schedules[schedule];
        var status = OpeningHours.StatusAt(is24x7, "Europe/Oslo", hours, At(utc));
        Assert.Equal(open, status.IsOpen);
        Assert.Equal(status.State, OpeningHours.StateAt(is24x7, "Europe/Oslo", hours, At(utc)));
    }

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
