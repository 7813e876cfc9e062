using System.Collections.Concurrent;
using System.Globalization;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Localization;
using NodaTime;
using NodaTime.TimeZones;

namespace HelpDirectory.Web.Listings;

public enum OpenState
{
    Unknown,
    AlwaysOpen,
    Open,
    Closed,
}

/// <summary>Whether a service is open at one moment, and the words that say so ("Closes in 10 min").</summary>
public sealed record OpeningStatus(OpenState State, string Text, bool Soon = false)
{
    public bool IsOpen => State is OpenState.Open or OpenState.AlwaysOpen;
}

/// <summary>
/// Opening hours are kept in the service's own IANA time zone. Each weekly opening becomes a span of real instants
/// (so a day that is 23 or 25 hours long, and an opening past midnight, come out right), and every question (is it
/// open, when does it close, when does it open next) is answered from those spans.
/// </summary>
public static class OpeningHours
{
    /// <summary>How close a closing or an opening must be for the status to count down in minutes.</summary>
    public const int SoonMinutes = 30;

    public static string NotListed => Text.Get("Hours.NotListed");

    private static readonly IDateTimeZoneProvider Zones = DateTimeZoneProviders.Tzdb;
    private static readonly ConcurrentDictionary<(string Ui, string Zone), string> ZoneNames = new();

    public static bool IsKnownTimeZone(string? id) => id is not null && Zones.GetZoneOrNull(id) is not null;

    public static OpenState StateAt(bool is24x7, string timeZone, IReadOnlyCollection<ServiceHours> hours, DateTimeOffset now) =>
        StatusAt(is24x7, timeZone, hours, now).State;

    /// <summary>The status in words. Times are the service's local time; when <paramref name="viewerZone"/> (the zone of
    /// the region being viewed) keeps a different clock, the service's zone is named after each time.</summary>
    public static OpeningStatus StatusAt(bool is24x7, string timeZone, IReadOnlyCollection<ServiceHours> hours, DateTimeOffset now, string? viewerZone = null)
    {
        if (is24x7) return new(OpenState.AlwaysOpen, Text.Get("Hours.AlwaysOpen"));
        var zone = Zones.GetZoneOrNull(timeZone);
        if (hours.Count == 0 || zone is null) return new(OpenState.Unknown, NotListed);

        var instant = Instant.FromDateTimeOffset(now);
        var today = instant.InZone(zone).Date;
        var spans = Spans(zone, hours, today);
        var suffix = ZoneLabel(timeZone, viewerZone, now) is { } label ? " " + label : "";

        foreach (var (start, end) in spans)
        {
            if (instant < start || instant >= end) continue;
            var left = MinutesUntil(instant, end);
            if (left <= SoonMinutes) return new(OpenState.Open, Text.Format("Hours.ClosesIn", left), Soon: true);
            var startOfToday = zone.AtStartOfDay(today).ToInstant();
            var startOfTomorrow = zone.AtStartOfDay(today.PlusDays(1)).ToInstant();
            if (start <= startOfToday && end >= startOfTomorrow) return new(OpenState.Open, Text.Get("Hours.OpenAllDay"));
            return new(OpenState.Open, Text.Format("Hours.OpenUntil", Until(end.InZone(zone).LocalDateTime, today), suffix));
        }

        var next = spans.Where(s => s.Start > instant).Select(s => (Instant?)s.Start).FirstOrDefault();
        if (next is not { } opens) return new(OpenState.Closed, Text.Get("Hours.Closed"));
        var wait = MinutesUntil(instant, opens);
        if (wait <= SoonMinutes) return new(OpenState.Closed, Text.Format("Hours.OpensIn", wait), Soon: true);
        var local = opens.InZone(zone).LocalDateTime;
        var text = local.Date == today ? Text.Format("Hours.OpensToday", Clock(local.TimeOfDay), suffix)
            : local.Date == today.PlusDays(1) ? Text.Format("Hours.OpensTomorrow", Clock(local.TimeOfDay), suffix)
            : Text.Format("Hours.OpensOn", DayName(local.DayOfWeek), Clock(local.TimeOfDay), suffix);
        return new(OpenState.Closed, text);
    }

    /// <summary>"UK time", "New York time": the service's zone in words, or null when it keeps the same clock as the
    /// viewer's zone (Oslo and Stockholm do) and naming it would only add noise.</summary>
    public static string? ZoneLabel(string serviceZone, string? viewerZone, DateTimeOffset now)
    {
        var zone = Zones.GetZoneOrNull(serviceZone);
        if (zone is null) return null;
        if (viewerZone is not null && Zones.GetZoneOrNull(viewerZone) is { } viewer && SameClock(zone, viewer, Instant.FromDateTimeOffset(now))) return null;
        return ZoneNames.GetOrAdd((CultureInfo.CurrentUICulture.Name, serviceZone), static key => NameOf(key.Zone));
    }

    /// <summary>Days in the order a week is read (Monday first), each with its name in the reader's language and its
    /// openings as text (<see cref="ClosedAllDay"/> when it has none).</summary>
    public static IReadOnlyList<(string Day, string Times)> Describe(IEnumerable<ServiceHours> hours)
    {
        var week = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday };
        var byDay = hours.ToLookup(h => h.Day);
        var closed = ClosedAllDay;
        return week.Select(d => (Capitalised(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(d)), byDay[d].Any()
            ? string.Join(", ", byDay[d].OrderBy(h => h.Opens).Select(h => $"{h.Opens:HH\\:mm}–{(h.ClosesAtMidnight ? "24:00" : h.Closes.ToString("HH\\:mm", CultureInfo.InvariantCulture))}"))
            : closed)).ToList();
    }

    /// <summary>The word for a day with no openings in <see cref="Describe"/>.</summary>
    public static string ClosedAllDay => Text.Get("Hours.Closed");

    /// <summary>Today's date in a zone (the site's clock, read where the reader is).</summary>
    public static DateOnly LocalDate(string timeZone, DateTimeOffset now)
    {
        var date = Instant.FromDateTimeOffset(now).InZone(Zones.GetZoneOrNull(timeZone) ?? DateTimeZone.Utc).Date;
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    /// <summary>The week in one line for paper ("Monday to Friday 09:00–17:00; Saturday 10:00–14:00"): days with the
    /// same times run together.</summary>
    public static string Week(bool is24x7, IReadOnlyCollection<ServiceHours> hours)
    {
        if (is24x7) return Text.Get("Hours.AlwaysOpen");
        if (hours.Count == 0) return NotListed;
        var days = Describe(hours);
        var parts = new List<string>();
        for (var i = 0; i < days.Count; i++)
        {
            if (days[i].Times == ClosedAllDay) continue;
            var j = i;
            while (j + 1 < days.Count && days[j + 1].Times == days[i].Times) j++;
            parts.Add($"{(j == i ? days[i].Day : Text.Format("Hours.DayRange", days[i].Day, Lower(days[j].Day)))} {days[i].Times}");
            i = j;
        }
        return string.Join("; ", parts);
    }

    // Openings from yesterday (one may run past midnight into today) to a week ahead, as instants, merged where one
    // runs into the next so that "until" names the real closing.
    private static List<(Instant Start, Instant End)> Spans(DateTimeZone zone, IReadOnlyCollection<ServiceHours> hours, LocalDate today)
    {
        var spans = new List<(Instant Start, Instant End)>();
        for (var date = today.PlusDays(-1); date <= today.PlusDays(8); date = date.PlusDays(1))
        {
            var weekday = ToDayOfWeek(date.DayOfWeek);
            foreach (var h in hours.Where(h => h.Day == weekday))
            {
                var opens = LocalTime.FromTicksSinceMidnight(h.Opens.Ticks);
                var closes = LocalTime.FromTicksSinceMidnight(h.Closes.Ticks);
                var end = h.ClosesAtMidnight ? date.PlusDays(1).AtMidnight()
                    : closes <= opens ? date.PlusDays(1) + closes
                    : date + closes;
                // Lenient: a time skipped by the clocks going forward opens at the first instant after the gap.
                spans.Add((zone.AtLeniently(date + opens).ToInstant(), zone.AtLeniently(end).ToInstant()));
            }
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(Instant Start, Instant End)>();
        foreach (var span in spans.Where(s => s.End > s.Start))
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
                merged[^1] = (merged[^1].Start, span.End > merged[^1].End ? span.End : merged[^1].End);
            else merged.Add(span);
        }
        return merged;
    }

    private static int MinutesUntil(Instant from, Instant to) => (int)Math.Ceiling((to - from).TotalMinutes);

    private static string Until(LocalDateTime end, LocalDate today)
    {
        if (end.Date == today) return Clock(end.TimeOfDay);
        if (end.Date == today.PlusDays(1) && end.TimeOfDay == LocalTime.Midnight) return Text.Get("Hours.Midnight");
        // An evening opening that ends in the small hours reads "until 02:00", not "until tomorrow".
        if (end.Date == today.PlusDays(1) && end.Hour < 12) return Clock(end.TimeOfDay);
        return end.Date == today.PlusDays(1)
            ? Text.Format("Hours.TomorrowAt", Clock(end.TimeOfDay))
            : Text.Format("Hours.DayAt", DayName(end.DayOfWeek), Clock(end.TimeOfDay));
    }

    private static string Clock(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    // The day's name from ICU in the reader's language: "Monday", "mandag" (as the middle of a sentence writes it).
    private static string DayName(IsoDayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(ToDayOfWeek(day));

    private static string Capitalised(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.CurrentCulture) + word[1..];

    // "Monday to friday" reads wrong in English and right in Norwegian ("mandag til fredag"): English day names stay as
    // ICU writes them.
    private static string Lower(string day) =>
        CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? day : day.ToLower(CultureInfo.CurrentCulture);

    private static bool SameClock(DateTimeZone a, DateTimeZone b, Instant now) =>
        Enumerable.Range(0, 4).Select(q => now + Duration.FromDays(91 * q)).All(t => a.GetUtcOffset(t) == b.GetUtcOffset(t));

    private static string NameOf(string zoneId)
    {
        var locations = TzdbDateTimeZoneSource.Default.ZoneLocations ?? [];
        var city = zoneId[(zoneId.LastIndexOf('/') + 1)..].Replace('_', ' ');
        var location = locations.FirstOrDefault(l => l.ZoneId == zoneId);
        if (location is null || locations.Count(l => l.CountryCode == location.CountryCode) > 1) return Text.Format("Hours.ZoneTime", city);
        if (location.CountryCode == "GB") return Text.Get("Hours.UkTime");
        return Text.Format("Hours.ZoneTime", Names.Country(location.CountryCode, location.CountryName));
    }

    private static DayOfWeek ToDayOfWeek(IsoDayOfWeek day) => day == IsoDayOfWeek.Sunday ? DayOfWeek.Sunday : (DayOfWeek)(int)day;
}
