using HelpDirectory.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Regions;

public sealed record RegionInfo(string Code, string CountryCode, string? ParentCode, string StoredName, string Slug, string TimeZone, string DefaultLanguages = "")
{
    public bool IsCountry => ParentCode is null;

    /// <summary>The name in the reader's language: a country's from ICU for a Norwegian reader ("Storbritannia"), the
    /// stored (English) name otherwise. A subdivision keeps its stored name, which is its own ("Vestland", "Bayern").</summary>
    public string Name => IsCountry ? Localization.Names.Country(CountryCode, StoredName) : StoredName;
}

public sealed record EmergencyNumberInfo(string Number, string Use, string Source)
{
    /// <summary>What the number is for in other languages (every language: the snapshot serves all of them).</summary>
    public IReadOnlyList<EmergencyNumberText> Texts { get; init; } = [];

    /// <summary>What the number is for in the reader's language, the English marked as such when there is no translation.</summary>
    public LocalText LocalUse => Texts.Local(TextFields.Use, Use);
}

public sealed record CrisisLineInfo(
    int Id,
    string? RegionCode,
    string Name,
    string Organization,
    string? Phone,
    string? PhoneE164,
    string? SmsNumber,
    string? SmsKeyword,
    string? ChatUrl,
    string? Website,
    string Hours,
    bool Is24x7,
    bool? Free,
    string Source)
{
    /// <summary>The text number in E.164 for the sms: link; null for a short code. Worked out once, when the snapshot is read.</summary>
    public string? SmsE164 { get; init; }

    /// <summary>How the line's details were last checked, in words a visitor reads, in their language.</summary>
    public string HowChecked => Localization.CheckWords.Describe(CheckMethod, LastVerified, CheckedBy, isLine: true);

    public string? CheckedBy { get; init; }

    /// <summary>Language tags, space-separated, as the line answers in them.</summary>
    public string Languages { get; init; } = "";

    public string? CostNote { get; init; }

    public DateOnly? LastVerified { get; init; }

    public CheckMethod CheckMethod { get; init; }

    /// <summary>The hours and cost note in other languages (every language: the snapshot serves all of them).</summary>
    public IReadOnlyList<CrisisLineText> Texts { get; init; } = [];
}

/// <summary>Everything about regions and crisis lines that a request needs, read once and kept until an editor changes it.</summary>
public sealed class RegionSnapshot
{
    public RegionSnapshot(IEnumerable<RegionInfo> regions, IEnumerable<(string RegionCode, EmergencyNumberInfo Number)> emergency, IEnumerable<CrisisLineInfo> lines)
    {
        var all = regions.ToList();
        ByCode = all.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        Countries = all.Where(r => r.IsCountry).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        BySlug = all.ToDictionary(r => (r.CountryCode.ToUpperInvariant(), r.IsCountry ? "" : r.Slug), r => r);
        CountryBySlug = Countries.ToDictionary(r => r.Slug, StringComparer.OrdinalIgnoreCase);
        Children = all.Where(r => !r.IsCountry).GroupBy(r => r.CountryCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RegionInfo>)g.OrderBy(r => r.Name, StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
        Emergency = emergency.GroupBy(e => e.RegionCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<EmergencyNumberInfo>)g.Select(e => e.Number).ToList(), StringComparer.OrdinalIgnoreCase);
        var lineList = lines.ToList();
        Lines = lineList.Where(l => l.RegionCode is not null).GroupBy(l => l.RegionCode!)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<CrisisLineInfo>)g.ToList(), StringComparer.OrdinalIgnoreCase);
        International = lineList.Where(l => l.RegionCode is null).ToList();
        // A language stands for a country only when exactly one country claims it (nb means Norway; en means no one place).
        LanguageDefaults = Countries
            .SelectMany(c => c.DefaultLanguages.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => (Language: l, Country: c)))
            .GroupBy(x => x.Language, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.Single().Country, StringComparer.OrdinalIgnoreCase);
    }

    public static RegionSnapshot Empty { get; } = new([], [], []);

    public IReadOnlyDictionary<string, RegionInfo> ByCode { get; }
    public IReadOnlyList<RegionInfo> Countries { get; }
    public IReadOnlyDictionary<string, RegionInfo> CountryBySlug { get; }
    public IReadOnlyList<CrisisLineInfo> International { get; }
    private IReadOnlyDictionary<(string, string), RegionInfo> BySlug { get; }
    private IReadOnlyDictionary<string, IReadOnlyList<RegionInfo>> Children { get; }
    private IReadOnlyDictionary<string, IReadOnlyList<EmergencyNumberInfo>> Emergency { get; }
    private IReadOnlyDictionary<string, IReadOnlyList<CrisisLineInfo>> Lines { get; }
    private IReadOnlyDictionary<string, RegionInfo> LanguageDefaults { get; }

    public RegionInfo? CountryForLanguage(string language) => LanguageDefaults.TryGetValue(language, out var c) ? c : null;

    public RegionInfo? Find(string? code) => code is not null && ByCode.TryGetValue(code.Trim(), out var r) ? r : null;

    public RegionInfo? FindCountryBySlug(string? slug) => slug is not null && CountryBySlug.TryGetValue(slug, out var r) ? r : null;

    public RegionInfo? FindSubdivision(RegionInfo country, string? slug) =>
        slug is not null && BySlug.TryGetValue((country.CountryCode.ToUpperInvariant(), slug.ToLowerInvariant()), out var r) && !r.IsCountry ? r : null;

    /// <summary>The place a /help URL names: a known country, and a known subdivision of it when one is named.</summary>
    public bool TryFindPlace(string? countrySlug, string? regionSlug, out RegionInfo country, out RegionInfo? subdivision)
    {
        subdivision = null;
        country = FindCountryBySlug(countrySlug)!;
        if (country is null) return false;
        if (regionSlug is null) return true;
        subdivision = FindSubdivision(country, regionSlug);
        return subdivision is not null;
    }

    public IReadOnlyList<RegionInfo> SubdivisionsOf(string countryCode) =>
        Children.TryGetValue(countryCode, out var list) ? list : [];

    public IReadOnlyList<EmergencyNumberInfo> EmergencyNumbersFor(RegionInfo region) =>
        Emergency.TryGetValue(region.Code, out var own) ? own
        : Emergency.TryGetValue(region.CountryCode, out var country) ? country : [];

    /// <summary>The most specific lines that exist: the subdivision's own, else the country's.</summary>
    public IReadOnlyList<CrisisLineInfo> CrisisLinesFor(RegionInfo region) =>
        Lines.TryGetValue(region.Code, out var own) && own.Count > 0 ? own
        : Lines.TryGetValue(region.CountryCode, out var country) ? country : [];
}

/// <summary>
/// Regions, emergency numbers and published crisis lines, read once and kept until an editor changes one of them
/// (<see cref="Invalidate"/>, called by the site cache after every save).
/// </summary>
public sealed class RegionCatalog
{
    private readonly Func<CancellationToken, Task<RegionSnapshot>> _load;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _sync = new();
    private RegionSnapshot? _snapshot;
    // Bumped by every invalidation, so a load that started before an editor's change never stores what it read.
    private long _generation;

    public RegionCatalog(IServiceScopeFactory scopes) : this(ct => LoadAsync(scopes, ct)) { }

    internal RegionCatalog(Func<CancellationToken, Task<RegionSnapshot>> load) => _load = load;

    public async ValueTask<RegionSnapshot> GetAsync(CancellationToken ct = default)
    {
        var current = Volatile.Read(ref _snapshot);
        if (current is not null) return current;
        await _gate.WaitAsync(ct);
        try
        {
            long generation;
            lock (_sync)
            {
                if (_snapshot is not null) return _snapshot;
                generation = _generation;
            }
            var loaded = await _load(ct);
            lock (_sync)
            {
                if (generation == _generation) _snapshot = loaded;
            }
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate()
    {
        lock (_sync)
        {
            _generation++;
            _snapshot = null;
        }
    }

    private static async Task<RegionSnapshot> LoadAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HelpDbContext>();
        var regions = await db.Regions.AsNoTracking()
            .Select(r => new RegionInfo(r.Code, r.CountryCode, r.ParentCode, r.Name, r.Slug, r.TimeZone, r.DefaultLanguages))
            .ToListAsync(ct);
        var emergency = await db.EmergencyNumbers.AsNoTracking().OrderBy(n => n.SortOrder)
            .Select(n => new { n.Id, n.RegionCode, n.Number, n.Use, n.Source })
            .ToListAsync(ct);
        var uses = (await db.EmergencyNumberTexts.AsNoTracking().ToListAsync(ct)).ToLookup(t => t.EmergencyNumberId);
        // A low-confidence line never reaches the banner, whoever set it.
        var lines = await db.CrisisLines.AsNoTracking()
            .Where(l => l.Status == ListingStatus.Published && l.Confidence != Confidences.Low)
            .OrderBy(l => l.SortOrder).ThenBy(l => l.Id)
            .Select(l => new CrisisLineInfo(l.Id, l.RegionCode, l.Name, l.Organization, l.Phone, l.PhoneE164, l.SmsNumber, l.SmsKeyword,
                l.ChatUrl, l.Website, l.Hours, l.Is24x7, l.Free, l.Source)
            {
                CheckedBy = l.CheckedBy,
                Languages = l.Languages, CostNote = l.CostNote, LastVerified = l.LastVerified, CheckMethod = l.CheckMethod,
            })
            .ToListAsync(ct);
        var texts = (await db.CrisisLineTexts.AsNoTracking().ToListAsync(ct)).ToLookup(t => t.CrisisLineId);
        lines = lines.Select(l => l with { SmsE164 = PhoneInput.E164Of(l.SmsNumber, l.RegionCode), Texts = texts[l.Id].ToList() }).ToList();
        return new RegionSnapshot(regions, emergency.Select(e => (e.RegionCode, new EmergencyNumberInfo(e.Number, e.Use, e.Source) { Texts = uses[e.Id].ToList() })), lines);
    }
}
