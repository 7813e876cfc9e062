using HelpDirectory.Web.Editing.Seeding;

namespace HelpDirectory.Web.Tests.Editing;

/// <summary>The researchers' notes on crisis-line hours: what visitors read, caveats kept where the hours are in doubt.</summary>
public sealed class SeedHoursTests
{
    [Theory]
    [InlineData("24/7 (per 2024 Lifeline statement; was 12pm-12am in 2012 - verify)", "medium", "24/7 · hours may vary: check before calling")]
    [InlineData("24/7 (per regional centres)", "medium", "24/7 · hours may vary: check before calling")]
    [InlineData("Mon-Sat 14:00-20:00 (plus Mon/Wed/Thu 10:00-12:00 added in 2020) - NOT 24/7; verify current hours", "high", "Mon-Sat 14:00-20:00 · hours may vary: check before calling")]
    [InlineData("24/7 (phone; chat 24/7 since Sep 2021 on temporary funding - verify)", "high", "24/7")]
    [InlineData("24/7 (since 1 June 2020)", "high", "24/7")]
    [InlineData("UNVERIFIED - not 24/7 per available sources", "medium", "Hours not confirmed: check the website")]
    [InlineData("", "high", "Hours not stated: check the website")]
    public void VisitorHours_KeepTheCaveatWhereTheHoursAreInDoubt(string researched, string confidence, string expected)
    {
        Assert.Equal(expected, SeedLoader.VisitorHours(researched, confidence));
        Assert.Equal(expected.Contains(SeedLoader.HoursCaveat, StringComparison.Ordinal) || expected.StartsWith("Hours not", StringComparison.Ordinal),
            SeedLoader.HoursUncertain(researched, confidence) || researched.StartsWith("UNVERIFIED", StringComparison.Ordinal));
    }
}
