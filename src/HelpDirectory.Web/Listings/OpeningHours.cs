using HelpDirectory.Web.Data;
using NodaTime;

namespace HelpDirectory.Web.Listings;

public enum OpenState
{
    Unknown,
    AlwaysOpen,
    Open,
    Closed,
}

/// <summary>Opening hours are kept in the service's own IANA time zone, so "open now" holds across daylight saving.</summary>
public static class OpeningHours
{
    private static readonly IDateTimeZoneProvider Zones = DateTimeZoneProviders.Tzdb;

    public static bool IsKnownTimeZone(string? id) => id is not null && Zones.GetZoneOrNull(id) is not null;

    public static OpenState StateAt(bool is24x7, string timeZone, IReadOnlyCollection<ServiceHours> hours, DateTimeOffset now)
    {
        if (is24x7) return OpenState.AlwaysOpen;
        if (hours.Count == 0) return OpenState.Unknown;
        var zone = Zones.GetZoneOrNull(timeZone);
        if (zone is null) return OpenState.Unknown;

        var local = Instant.FromDateTimeOffset(now).InZone(zone).LocalDateTime;
        var day = ToDayOfWeek(local.DayOfWeek);
        var time = local.TimeOfDay;
        var yesterday = day == DayOfWeek.Sunday ? DayOfWeek.Saturday : day - 1;

        foreach (var h in hours)
        {
            var opens = LocalTime.FromTicksSinceMidnight(h.Opens.Ticks);
            var closes = LocalTime.FromTicksSinceMidnight(h.Closes.Ticks);
            var overnight = !h.ClosesAtMidnight && closes <= opens;

            if (h.Day == day)
            {
                if (h.ClosesAtMidnight || overnight) { if (time >= opens) return OpenState.Open; }
                else if (time >= opens && time < closes) return OpenState.Open;
            }
            // An opening that runs past midnight is still open early the next day.
            if (overnight && h.Day == yesterday && time < closes) return OpenState.Open;
        }
        return OpenState.Closed;
    }


    /// <summary>Days in the order a week is read (Monday first), each with its openings as text.</summary>
    public static IReadOnlyList<(string Day, string Times)> Describe(IEnumerable<ServiceHours> hours)
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var byDay = hours.ToLookup(h => h.Day);
        return week.Select(d => (d.ToString(), byDay[d].Any()
            ? string.Join(", ", byDay[d].OrderBy(h => h.Opens).Select(h => $"{h.Opens:HH\\:mm}–{(h.ClosesAtMidnight ? "24:00" : h.Closes.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture))}"))
            : "Closed")).ToList();
    }

    private static DayOfWeek ToDayOfWeek(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;
}
