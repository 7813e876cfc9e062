using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;

namespace HelpDirectory.Web.Editing;

public sealed partial class OrganizationForm : IRecordForm<Organization>
{
    [Required, StringLength(Slugs.MaxLength), RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.Rule)]
    public string Key { get; set; } = "";
    [Required, StringLength(200)] public string Name { get; set; } = "";
    [StringLength(2000)] public string? Description { get; set; }
    [StringLength(500)] public string? Url { get; set; }
    [StringLength(200)] public string? Email { get; set; }

    public static OrganizationForm From(Organization o) => new() { Key = o.Key, Name = o.Name, Description = o.Description, Url = o.Url, Email = o.Email };

    public static OrganizationForm FromFields(IReadOnlyDictionary<string, string> f) => new()
    {
        Key = f.GetValueOrDefault("Key") ?? "", Name = f.GetValueOrDefault("Name") ?? "", Description = f.GetValueOrDefault("Description"),
        Url = f.GetValueOrDefault("Url") is { Length: > 0 } u ? u : null, Email = f.GetValueOrDefault("Email") is { Length: > 0 } e ? e : null,
    };

    public IReadOnlyDictionary<string, string> Fields() => new Dictionary<string, string>
    {
        ["Key"] = Key, ["Name"] = Name, ["Description"] = Description ?? "", ["Url"] = Url ?? "", ["Email"] = Email ?? "",
    };

    public Dictionary<string, string> ApplyTo(Organization o)
    {
        var errors = new Dictionary<string, string>();
        if (Url is not null && !ServiceForm.IsWebUrl(Url)) errors[nameof(Url)] = "Enter a full web address starting with https:// or http://.";
        if (Email is not null && !Email.Contains('@', StringComparison.Ordinal)) errors[nameof(Email)] = "Enter an email address like name@example.org.";
        if (errors.Count > 0) return errors;
        o.Key = Key;
        o.Name = Name.Trim();
        o.Description = Description?.Trim() ?? "";
        o.Url = Url?.Trim();
        o.Email = Email?.Trim();
        return errors;
    }
}

public sealed class CrisisLineForm : IRecordForm<CrisisLine>
{
    /// <summary>Short codes for the line's country, so "116 123" is accepted where the data already lists it.</summary>
    public IReadOnlySet<string> ShortCodes { get; set; } = new HashSet<string>();

    [StringLength(10), Display(Name = "Region code")] public string? RegionCode { get; set; }
    [Required, StringLength(200)] public string Name { get; set; } = "";
    [StringLength(200)] public string? Organization { get; set; }
    [StringLength(40)] public string? Phone { get; set; }
    [StringLength(40), Display(Name = "Text number")] public string? SmsNumber { get; set; }
    [StringLength(40), Display(Name = "Text keyword")] public string? SmsKeyword { get; set; }
    [StringLength(500), Display(Name = "Chat URL")] public string? ChatUrl { get; set; }
    [StringLength(500)] public string? Website { get; set; }
    [StringLength(200)] public string? Hours { get; set; }
    [Display(Name = "Open 24/7")] public bool Is24x7 { get; set; }
    public string Free { get; set; } = "unknown";
    [StringLength(500), Display(Name = "Cost note")] public string? CostNote { get; set; }
    /// <summary>The hours and cost note in each language besides English.</summary>
    public List<CrisisLineTextForm> Texts { get; set; } = [];

    /// <summary>Adds an empty group for each of the site's languages the form lacks, so the page shows its fields.</summary>
    public void ShowEveryLanguage() =>
        Texts.AddRange(Translations.OtherLanguages.Where(l => Texts.All(t => t.Language != l)).Select(l => new CrisisLineTextForm { Language = l }));
    [Required, StringLength(4000)] public string Source { get; set; } = "";
    public string Status { get; set; } = "published";
    [Range(0, 1000), Display(Name = "Order in the banner")] public int SortOrder { get; set; }
    /// <summary>high, medium or low; a new line starts at medium. A low-confidence line never reaches the banner.</summary>
    public string Confidence { get; set; } = Confidences.Medium;
    [Display(Name = "How it was checked")] public string CheckMethod { get; set; } = "website";
    [Display(Name = "Last checked")] public string? LastChecked { get; set; }
    [StringLength(200), Display(Name = "Checked by")] public string? CheckedBy { get; set; }

    public static CrisisLineForm From(CrisisLine l) => new()
    {
        RegionCode = l.RegionCode, Name = l.Name, Organization = l.Organization, Phone = l.Phone, SmsNumber = l.SmsNumber, SmsKeyword = l.SmsKeyword,
        ChatUrl = l.ChatUrl, Website = l.Website, Hours = l.Hours, Is24x7 = l.Is24x7, Free = l.Free switch { true => "yes", false => "no", _ => "unknown" },
        Source = l.Source, Status = l.Status.ToString().ToLowerInvariant(), SortOrder = l.SortOrder,
        Confidence = l.Confidence, CheckMethod = l.CheckMethod.Slug(), LastChecked = l.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        CheckedBy = l.CheckedBy, CostNote = l.CostNote,
        Texts = TextForms.LanguagesOf(l.Texts.Select(t => t.Language)).Select(language => new CrisisLineTextForm
        {
            Language = language, Hours = TextForms.Text(l.Texts, language, TextFields.Hours), CostNote = TextForms.Text(l.Texts, language, TextFields.CostNote),
        }).ToList(),
    };

    public static CrisisLineForm FromFields(IReadOnlyDictionary<string, string> f)
    {
        string? O(string k) => f.GetValueOrDefault(k) is { Length: > 0 } v ? v : null;
        return new()
        {
            RegionCode = O("RegionCode"), Name = f.GetValueOrDefault("Name") ?? "", Organization = O("Organization"), Phone = O("Phone"),
            SmsNumber = O("SmsNumber"), SmsKeyword = O("SmsKeyword"), ChatUrl = O("ChatUrl"), Website = O("Website"), Hours = O("Hours"),
            Is24x7 = f.GetValueOrDefault("Is24x7") == "true", Free = f.GetValueOrDefault("Free") ?? "unknown", Source = f.GetValueOrDefault("Source") ?? "",
            Status = f.GetValueOrDefault("Status") ?? "published", SortOrder = int.TryParse(f.GetValueOrDefault("SortOrder"), out var o) ? o : 0,
            Confidence = f.GetValueOrDefault("Confidence") is { Length: > 0 } c ? c : Confidences.Medium, CheckMethod = O("CheckMethod") ?? "website",
            LastChecked = O("LastChecked"), CheckedBy = O("CheckedBy"), CostNote = O("CostNote"),
            Texts = TextForms.LanguagesIn(f.Keys).Select(language => new CrisisLineTextForm
            {
                Language = language, Hours = O(TextForms.Key(nameof(Hours), language)), CostNote = O(TextForms.Key(nameof(CostNote), language)),
            }).ToList(),
        };
    }

    public IReadOnlyDictionary<string, string> Fields()
    {
        var fields = new Dictionary<string, string>
        {
            ["RegionCode"] = RegionCode ?? "", ["Name"] = Name, ["Organization"] = Organization ?? "", ["Phone"] = Phone ?? "", ["SmsNumber"] = SmsNumber ?? "",
            ["SmsKeyword"] = SmsKeyword ?? "", ["ChatUrl"] = ChatUrl ?? "", ["Website"] = Website ?? "", ["Hours"] = Hours ?? "", ["Is24x7"] = Is24x7 ? "true" : "false",
            ["Free"] = Free, ["Source"] = Source, ["Status"] = Status, ["SortOrder"] = SortOrder.ToString(CultureInfo.InvariantCulture),
            ["Confidence"] = Confidence, ["CheckMethod"] = CheckMethod, ["LastChecked"] = LastChecked ?? "", ["CheckedBy"] = CheckedBy ?? "",
            ["CostNote"] = CostNote ?? "",
        };
        foreach (var language in TextForms.LanguagesOf(Texts.Where(t => t.HasText).Select(t => t.Language)))
        {
            var text = Texts.FirstOrDefault(t => t.Language == language);
            fields[TextForms.Key(nameof(Hours), language)] = text?.Hours ?? "";
            fields[TextForms.Key(nameof(CostNote), language)] = text?.CostNote ?? "";
        }
        return fields;
    }

    public Dictionary<string, string> ApplyTo(CrisisLine l)
    {
        var errors = new Dictionary<string, string>();
        var country = RegionCode is { Length: >= 2 } ? RegionCode[..2].ToUpperInvariant() : null;
        PhoneInput? phone = null, sms = null;
        // Crisis lines are where a country's short codes come from, so a new one is accepted when it has a short code's
        // length for the country.
        if (Phone is not null)
        {
            if (PhoneInput.TryParse(Phone, country, ShortCodes, out var p, out var message, acceptPossibleShortCodes: true)) phone = p;
            else errors[nameof(Phone)] = message;
        }
        if (SmsNumber is not null)
        {
            if (PhoneInput.TryParse(SmsNumber, country, ShortCodes, out var p, out var message, acceptPossibleShortCodes: true)) sms = p;
            else errors[nameof(SmsNumber)] = message;
        }
        if (ChatUrl is not null && !ServiceForm.IsWebUrl(ChatUrl)) errors[nameof(ChatUrl)] = "Enter a full web address starting with https:// or http://.";
        if (Website is not null && !ServiceForm.IsWebUrl(Website)) errors[nameof(Website)] = "Enter a full web address starting with https:// or http://.";
        if (Phone is null && SmsNumber is null && ChatUrl is null && Website is null) errors[nameof(Phone)] = "Give at least one way to reach the line.";
        if (!Enum.TryParse<ListingStatus>(Status, true, out var status) || !Enum.IsDefined(status)) errors[nameof(Status)] = "Choose a status.";
        if (Free is not ("yes" or "no" or "unknown")) errors[nameof(Free)] = "Choose yes, no or not known.";
        if (!Confidences.TryParse(Confidence, out var confidence)) errors[nameof(Confidence)] = Confidences.Rule;
        if (!CheckMethods.TryParse(CheckMethod, out var checkMethod)) errors[nameof(CheckMethod)] = "Choose how the details were checked.";
        DateOnly? lastChecked = null;
        if (LastChecked is not null)
        {
            if (DateOnly.TryParseExact(LastChecked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) lastChecked = d;
            else errors[nameof(LastChecked)] = "Enter a date like 2026-01-31.";
        }
        var texts = new List<(string Language, string Field, string Text)>();
        foreach (var (t, i) in Texts.Select((t, i) => (t, i)))
        {
            var language = t.Language.Trim().ToLowerInvariant();
            if (TextForms.LanguageProblem(language) is { } problem) { errors[$"{nameof(Texts)}[{i}].{nameof(t.Language)}"] = problem; continue; }
            if (texts.Any(x => x.Language == language)) { errors[$"{nameof(Texts)}[{i}].{nameof(t.Language)}"] = $"\"{language}\" is given twice."; continue; }
            if (t.Hours?.Trim() is { Length: > 0 } hours)
            {
                if (hours.Length > 200) errors[$"{nameof(Texts)}[{i}].{nameof(t.Hours)}"] = "Write at most 200 characters.";
                texts.Add((language, TextFields.Hours, hours));
            }
            if (t.CostNote?.Trim() is { Length: > 0 } note)
            {
                if (note.Length > 500) errors[$"{nameof(Texts)}[{i}].{nameof(t.CostNote)}"] = "Write at most 500 characters.";
                texts.Add((language, TextFields.CostNote, note));
            }
        }
        if (errors.Count > 0) return errors;

        l.RegionCode = RegionCode?.ToUpperInvariant();
        l.Name = Name.Trim();
        l.Organization = Organization?.Trim() ?? "";
        l.Phone = phone?.Display;
        l.PhoneE164 = phone?.E164;
        l.SmsNumber = sms?.Display;
        l.SmsKeyword = SmsKeyword?.Trim();
        l.ChatUrl = ChatUrl?.Trim();
        l.Website = Website?.Trim();
        l.Hours = Hours?.Trim() ?? "";
        l.Is24x7 = Is24x7;
        l.Free = Free switch { "yes" => true, "no" => false, _ => null };
        l.Source = Source.Trim();
        l.Status = status;
        l.SortOrder = SortOrder;
        l.Confidence = confidence;
        l.CheckMethod = checkMethod;
        l.LastVerified = lastChecked;
        l.CheckedBy = CheckedBy?.Trim();
        l.CostNote = CostNote?.Trim() is { Length: > 0 } costNote ? costNote : null;
        TextForms.Sync(l.Texts, texts, (language, field) => new CrisisLineText { Language = language, Field = field });
        return errors;
    }
}

public sealed partial class RegionForm : IRecordForm<Region>
{
    [Required, StringLength(200)] public string Name { get; set; } = "";
    [Required, StringLength(Slugs.MaxLength), RegularExpression(Slugs.Pattern, ErrorMessage = Slugs.Rule)]
    public string Slug { get; set; } = "";
    [Required, StringLength(64), Display(Name = "Time zone")] public string TimeZone { get; set; } = "UTC";
    [StringLength(100), Display(Name = "Languages that mean this country")] public string? DefaultLanguages { get; set; }
    /// <summary>One per line: "number | what it is for | source", then what it is for in other languages: "| nb: politi".</summary>
    [StringLength(4000), Display(Name = "Emergency numbers")] public string? EmergencyNumbers { get; set; }

    public static RegionForm From(Region r) => new()
    {
        Name = r.Name, Slug = r.Slug, TimeZone = r.TimeZone, DefaultLanguages = r.DefaultLanguages,
        EmergencyNumbers = string.Join('\n', r.EmergencyNumbers.OrderBy(n => n.SortOrder).Select(n => $"{n.Number} | {n.Use} | {n.Source}{UsesIn(n.Texts)}")),
    };

    /// <summary>An emergency number's uses in other languages, written after its source: " | nb: politi".</summary>
    private static string UsesIn(IEnumerable<EmergencyNumberText> texts) =>
        string.Concat(texts.Where(t => t.Field == TextFields.Use).OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => $" | {t.Language}: {t.Text}"));

    public static RegionForm FromFields(IReadOnlyDictionary<string, string> f) => new()
    {
        Name = f.GetValueOrDefault("Name") ?? "", Slug = f.GetValueOrDefault("Slug") ?? "", TimeZone = f.GetValueOrDefault("TimeZone") ?? "UTC",
        DefaultLanguages = f.GetValueOrDefault("DefaultLanguages"), EmergencyNumbers = f.GetValueOrDefault("EmergencyNumbers"),
    };

    public IReadOnlyDictionary<string, string> Fields() => new Dictionary<string, string>
    {
        ["Name"] = Name, ["Slug"] = Slug, ["TimeZone"] = TimeZone, ["DefaultLanguages"] = DefaultLanguages ?? "", ["EmergencyNumbers"] = EmergencyNumbers ?? "",
    };

    public Dictionary<string, string> ApplyTo(Region r)
    {
        var errors = new Dictionary<string, string>();
        if (!OpeningHours.IsKnownTimeZone(TimeZone)) errors[nameof(TimeZone)] = "Enter a time zone from the IANA list, for example Europe/Oslo.";
        var languages = (DefaultLanguages ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(l => l.ToLowerInvariant()).ToList();
        if (languages.Any(l => !LanguageTags.IsPrimaryLanguage(l))) errors[nameof(DefaultLanguages)] = "Use two or three letter language codes separated by spaces.";
        var numbers = new List<EmergencyNumber>();
        foreach (var (line, i) in (EmergencyNumbers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select((l, i) => (l, i)))
        {
            var p = line.Split('|', StringSplitOptions.TrimEntries);
            if (p[0].Length is 0 or > 6 || !p[0].All(char.IsAsciiDigit)) { errors[nameof(EmergencyNumbers)] = $"Line {i + 1}: an emergency number is 2 to 6 digits, then | what it is for | source."; continue; }
            // "112 | police | nb: politi" has left out the source: the Norwegian would be taken for it.
            if (p.Length == 3 && TextForms.TryReadPhoneNote(p[2], out var sourceLanguage, out _) && Translations.OtherLanguages.Contains(sourceLanguage))
            {
                errors[nameof(EmergencyNumbers)] = $"Line {i + 1}: give the source before what the number is for in another language: number | what it is for | source | {sourceLanguage}: ...";
                continue;
            }
            var uses = new List<(string Language, string Text)>();
            foreach (var part in p.Skip(3))
            {
                if (!TextForms.TryReadPhoneNote(part, out var language, out var use))
                {
                    errors[nameof(EmergencyNumbers)] = $"Line {i + 1}: write what the number is for in another language after the source, as \"| nb: politi\".";
                }
                else if (uses.Any(u => u.Language == language))
                {
                    errors[nameof(EmergencyNumbers)] = $"Line {i + 1}: \"{language}\" is given twice.";
                }
                else if (use.Length > 200)
                {
                    errors[nameof(EmergencyNumbers)] = $"Line {i + 1}: write at most 200 characters for what the number is for.";
                }
                else if (use.Length > 0)
                {
                    uses.Add((language, use));
                }
            }
            numbers.Add(new EmergencyNumber
            {
                RegionCode = r.Code, Number = p[0], Use = p.Length > 1 ? p[1] : "", Source = p.Length > 2 ? p[2] : "", SortOrder = i,
                Texts = uses.Select(u => new EmergencyNumberText { Language = u.Language, Field = TextFields.Use, Text = u.Text }).ToList(),
            });
        }
        if (errors.Count > 0) return errors;
        r.Name = Name.Trim();
        r.Slug = Slug;
        r.TimeZone = TimeZone;
        r.DefaultLanguages = string.Join(' ', languages);
        r.EmergencyNumbers.Clear();
        r.EmergencyNumbers.AddRange(numbers);
        return errors;
    }
}
