using System.Globalization;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing;

/// <summary>
/// Weekly opening hours as editors, CSV files, HSDS files and the published seed write them: one opening per line,
/// "mo-fr 09:00-17:00" or "sa,su 10:00-14:00". A closing time of 24:00 or 00:00 means the end of that day (midnight); a
/// closing time before the opening time runs past midnight into the next day ("fr 18:00-02:00").
/// </summary>
public static partial class WeeklyHours
{
    public const string Example = "mo-fr 09:00-17:00";

    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Reads one line. On failure, <paramref name="error"/> says what to fix, in words for an editor.</summary>
    public static bool TryParseLine(string line, out List<ServiceHours> hours, out string error)
    {
        hours = [];
        var match = Line().Match(line.Trim());
        if (!match.Success)
        {
            error = $"write hours like \"{Example}\".";
            return false;
        }
        var days = ParseDays(match.Groups["days"].Value);
        var opensOk = TryParseTime(match.Groups["opens"].Value, allowMidnightEnd: false, out var opens, out _);
        var closesOk = TryParseTime(match.Groups["closes"].Value, allowMidnightEnd: true, out var closes, out var midnight);
        if (days is null || !opensOk || !closesOk)
        {
            error = "check the days (mo, tu, we, th, fr, sa, su) and times (00:00 to 24:00).";
            return false;
        }
        if (!midnight && closes == opens)
        {
            error = "opening and closing times are the same.";
            return false;
        }
        hours = days.Select(d => new ServiceHours { Day = d, Opens = opens, Closes = midnight ? TimeOnly.MinValue : closes, ClosesAtMidnight = midnight }).ToList();
        error = "";
        return true;
    }

    /// <summary>The hours as lines, Monday first: what the form shows and a revision keeps.</summary>
    public static string Format(IEnumerable<ServiceHours> hours) => string.Join('\n', hours
        .OrderBy(h => Array.IndexOf(Week, h.Day)).ThenBy(h => h.Opens)
        .Select(h => $"{DayCode(h.Day)} {Time(h.Opens)}-{(h.ClosesAtMidnight ? "24:00" : Time(h.Closes))}"));

    public static string DayCode(DayOfWeek day) => day.ToString()[..2].ToLowerInvariant();

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static bool TryParseTime(string text, bool allowMidnightEnd, out TimeOnly time, out bool midnightEnd)
    {
        midnightEnd = allowMidnightEnd && text is "24:00" or "00:00";
        if (midnightEnd)
        {
            time = TimeOnly.MinValue;
            return true;
        }
        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);
    }

    private static List<DayOfWeek>? ParseDays(string text)
    {
        var result = new List<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            if (range.Length > 2) return null;
            var from = Array.IndexOf(Week, Day(range[0]));
            var to = range.Length > 1 ? Array.IndexOf(Week, Day(range[1])) : from;
            if (from < 0 || to < from) return null;
            for (var i = from; i <= to; i++) result.Add(Week[i]);
        }
        return result.Count == 0 ? null : result.Distinct().ToList();
    }

    private static DayOfWeek? Day(string day) => day.ToLowerInvariant() switch
    {
        "mo" or "mon" or "monday" => DayOfWeek.Monday,
        "tu" or "tue" or "tuesday" => DayOfWeek.Tuesday,
        "we" or "wed" or "wednesday" => DayOfWeek.Wednesday,
        "th" or "thu" or "thursday" => DayOfWeek.Thursday,
        "fr" or "fri" or "friday" => DayOfWeek.Friday,
        "sa" or "sat" or "saturday" => DayOfWeek.Saturday,
        "su" or "sun" or "sunday" => DayOfWeek.Sunday,
        _ => null,
    };

    [GeneratedRegex(@"^(?<days>[a-zA-Z,\- ]+?)\s+(?<opens>\d\d:\d\d)\s*-\s*(?<closes>\d\d:\d\d)$")] private static partial Regex Line();
}
