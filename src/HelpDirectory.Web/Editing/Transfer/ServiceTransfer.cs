using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using HelpDirectory.Web.Data;
using HelpDirectory.Web.Listings;
using Microsoft.EntityFrameworkCore;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>
/// CSV and Open Referral HSDS 3.0 JSON, out and in. Import is two steps: <see cref="PlanAsync"/> says row by row what would
/// be created, changed or rejected and writes nothing; <see cref="ApplyAsync"/> carries a plan out through the editor, so
/// every imported change is validated and recorded in history like any other edit.
/// </summary>
public sealed class ServiceTransfer(HelpDbContext db, ServiceEditor editor)
{
    private const string OrganizationName = "OrganizationName";
    private static readonly string[] Days = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

    public async Task<string> ExportCsvAsync(CancellationToken ct = default)
    {
        var services = await LoadAllAsync(publishedOnly: false, ct);
        await using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            csv.WriteRecord(new ServiceForm().Fields().Keys.Append(OrganizationName).ToArray());
            foreach (var s in services) csv.WriteRecord(ServiceForm.From(s).Fields().Values.Append(s.Organization!.Name).ToArray());
            csv.Flush();
        }
        return writer.ToString();
    }

    public async Task<string> ExportHsdsAsync(CancellationToken ct = default)
    {
        var services = await LoadAllAsync(publishedOnly: true, ct);
        var array = new JsonArray();
        foreach (var s in services) array.Add(ToHsds(s));
        return array.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public async Task<ImportPlan> PlanCsvAsync(string text, CancellationToken ct = default)
    {
        var rows = new List<(int Line, Dictionary<string, string> Fields)>();
        try
        {
            using var csv = CsvReader.FromText(text, null);
            var header = csv.Headers.ToArray();
            if (!header.Contains("Slug") || !header.Contains("Name")) return new ImportPlan([], "The first line must be the column names, including Slug and Name (export a CSV to see them).");
            while (csv.Read())
                rows.Add(((int)csv.RowNumber + 1, header.ToDictionary(h => h, h => csv.GetString(h) ?? "")));
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException or FormatException)
        {
            return new ImportPlan([], "The file is not a CSV file this importer can read.");
        }
        return await PlanAsync(rows.Select(r => (r.Line, ServiceForm.FromFields(r.Fields),
            r.Fields.TryGetValue(OrganizationName, out var orgName) && orgName.Length > 0
                ? new OrganizationImport(r.Fields.GetValueOrDefault("Organization") ?? "", orgName, "", null, null) : null)), ct);
    }

    public async Task<ImportPlan> PlanHsdsAsync(string json, CancellationToken ct = default)
    {
        JsonArray? array;
        try
        {
            array = JsonNode.Parse(json) as JsonArray;
        }
        catch (JsonException)
        {
            return new ImportPlan([], "The file is not valid JSON.");
        }
        if (array is null) return new ImportPlan([], "The file must be a JSON array of HSDS services (as the HSDS export writes).");
        var rows = new List<(int, ServiceForm, OrganizationImport?)>();
        for (var i = 0; i < array.Count; i++)
        {
            try
            {
                rows.Add((i + 1, FromHsds(array[i]!.AsObject(), out var org), org));
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException or NullReferenceException or KeyNotFoundException)
            {
                rows.Add((i + 1, new ServiceForm { Slug = "", Name = "" }, null));
            }
        }
        return await PlanAsync(rows, ct);
    }

    /// <summary>Carries out the rows of a plan that create or change a listing. Returns how many were written.</summary>
    public async Task<int> ApplyAsync(ImportPlan plan, string by, CancellationToken ct = default)
    {
        var written = 0;
        foreach (var row in plan.Rows.Where(r => r.Action is ImportAction.Create or ImportAction.Change))
        {
            if (row.Organization is { } org && !await db.Organizations.AnyAsync(o => o.Key == org.Key, ct))
            {
                db.Organizations.Add(new Organization { Key = org.Key, Name = org.Name, Description = org.Description, Url = org.Url, Email = org.Email });
                await db.SaveChangesAsync(ct);
            }
            var existing = await db.Services.AsNoTracking().Where(s => s.Slug == row.Slug).Select(s => new { s.Id, s.Version }).SingleOrDefaultAsync(ct);
            var result = existing is null
                ? await editor.CreateAsync(row.Form!, by, "imported", ct)
                : await editor.UpdateAsync(existing.Id, existing.Version, row.Form!, by, "imported", ct);
            if (result is SaveResult.Saved) written++;
        }
        return written;
    }

    private async Task<ImportPlan> PlanAsync(IEnumerable<(int Line, ServiceForm Form, OrganizationImport? Organization)> rows, CancellationToken ct)
    {
        var reference = await editor.ReferenceDataAsync(ct);
        var existing = (await LoadAllAsync(publishedOnly: false, ct)).ToDictionary(s => s.Slug, s => ServiceForm.From(s).Fields());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var plan = new List<ImportRow>();
        foreach (var (line, form, org) in rows)
        {
            // An organisation the file brings with it counts as known for validation.
            var organizations = org is null || reference.Organizations.ContainsKey(org.Key)
                ? reference
                : reference with { Organizations = new Dictionary<string, int>(reference.Organizations) { [org.Key] = 0 } };
            var errors = Validate(form).Concat(form.ApplyTo(new Service { Slug = "", Name = "" }, organizations).Values).ToList();
            if (!seen.Add(form.Slug)) errors.Add("This slug appears twice in the file.");
            if (errors.Count > 0)
            {
                plan.Add(new ImportRow(line, form.Slug, ImportAction.Reject, errors, null, null));
                continue;
            }
            if (existing.TryGetValue(form.Slug, out var current))
            {
                var changed = RevisionLog.Diff(current, form.Fields()).Keys.ToList();
                plan.Add(new ImportRow(line, form.Slug, changed.Count == 0 ? ImportAction.Unchanged : ImportAction.Change, changed, form, org));
            }
            else
            {
                plan.Add(new ImportRow(line, form.Slug, ImportAction.Create, [], form, org));
            }
        }
        return new ImportPlan(plan);
    }

    private static IEnumerable<string> Validate(ServiceForm form)
    {
        var context = new System.ComponentModel.DataAnnotations.ValidationContext(form);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(form, context, results, validateAllProperties: true);
        return results.Select(r => r.ErrorMessage ?? "Invalid value.");
    }

    private async Task<List<Service>> LoadAllAsync(bool publishedOnly, CancellationToken ct)
    {
        var query = db.Services.AsNoTracking().AsSplitQuery()
            .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Hours).Include(s => s.Languages)
            .Include(s => s.Areas).Include(s => s.Locations).AsQueryable();
        if (publishedOnly) query = query.Published();
        return await query.OrderBy(s => s.Slug).ToListAsync(ct);
    }

    private static JsonObject ToHsds(Service s)
    {
        string Id(string what) => StableId.For($"{what}:{s.Slug}");
        var form = ServiceForm.From(s);
        var zoneOffset = NodaTime.DateTimeZoneProviders.Tzdb.GetZoneOrNull(s.TimeZone)?.GetUtcOffset(NodaTime.SystemClock.Instance.GetCurrentInstant()).Seconds / 3600.0 ?? 0;

        var schedules = new JsonArray();
        if (s.Is24x7)
        {
            schedules.Add(new JsonObject
            {
                ["id"] = Id("schedule:24x7"), ["freq"] = "WEEKLY", ["byday"] = string.Join(',', Days), ["opens_at"] = "00:00", ["closes_at"] = "24:00",
                ["timezone"] = zoneOffset, ["timezone_name"] = s.TimeZone, ["description"] = "Open 24 hours, 7 days a week",
            });
        }
        foreach (var (h, i) in s.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens).Select((h, i) => (h, i)))
        {
            schedules.Add(new JsonObject
            {
                ["id"] = Id($"schedule:{i}"), ["freq"] = "WEEKLY", ["byday"] = Days[((int)h.Day + 6) % 7],
                ["opens_at"] = h.Opens.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["closes_at"] = h.ClosesAtMidnight ? "24:00" : h.Closes.ToString("HH:mm", CultureInfo.InvariantCulture),
                ["timezone"] = zoneOffset, ["timezone_name"] = s.TimeZone,
            });
        }

        var locations = new JsonArray();
        foreach (var (l, i) in s.Locations.Select((l, i) => (l, i)))
        {
            locations.Add(new JsonObject
            {
                ["id"] = Id($"sal:{i}"),
                ["location"] = new JsonObject
                {
                    ["id"] = Id($"location:{i}"), ["location_type"] = "physical", ["name"] = l.Name,
                    ["addresses"] = new JsonArray(new JsonObject
                    {
                        ["id"] = Id($"address:{i}"), ["address_1"] = l.Address1, ["city"] = l.City, ["state_province"] = l.StateProvince ?? "",
                        ["postal_code"] = l.PostalCode ?? "", ["country"] = l.Country, ["address_type"] = "physical",
                    }),
                },
            });
        }
        if (s.ChatUrl is not null)
            locations.Add(new JsonObject { ["id"] = Id("sal:chat"), ["location"] = new JsonObject { ["id"] = Id("location:chat"), ["location_type"] = "virtual", ["name"] = "Online chat", ["url"] = s.ChatUrl } });

        JsonObject Term(string taxonomy, string name) => new()
        {
            ["id"] = StableId.For($"attribute:{taxonomy}:{name}:{s.Slug}"),
            ["taxonomy_term"] = new JsonObject { ["id"] = StableId.For($"term:{taxonomy}:{name}"), ["name"] = name, ["description"] = name, ["taxonomy"] = taxonomy },
        };
        var attributes = new JsonArray(Term("helpdirectory-kinds", form.Kind), Term("helpdirectory-cost", form.Cost));
        foreach (var a in form.Audiences) attributes.Add(Term("helpdirectory-audiences", a));
        foreach (var a in form.Approaches) attributes.Add(Term("helpdirectory-approaches", a));
        foreach (var c in form.ContactMethods) attributes.Add(Term("helpdirectory-contact-methods", c));

        return new JsonObject
        {
            ["id"] = Id("service"),
            ["name"] = s.Name,
            ["description"] = s.Description,
            ["url"] = s.Url,
            ["email"] = s.Email,
            ["status"] = "active",
            ["fees_description"] = s.CostNote,
            ["assured_date"] = s.LastVerified?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["last_modified"] = s.UpdatedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["organization"] = new JsonObject
            {
                ["id"] = StableId.For("organization:" + s.Organization!.Key), ["name"] = s.Organization.Name, ["description"] = s.Organization.Description,
                ["website"] = s.Organization.Url, ["email"] = s.Organization.Email, ["helpdirectory_key"] = s.Organization.Key,
            },
            ["phones"] = new JsonArray(s.Phones.OrderBy(p => p.SortOrder).Select((p, i) => (JsonNode)new JsonObject
            {
                ["id"] = Id($"phone:{i}"), ["number"] = p.Number, ["type"] = p.Type == PhoneType.Text ? "text" : "voice", ["description"] = p.Description, ["e164"] = p.E164,
            }).ToArray()),
            ["schedules"] = schedules,
            ["languages"] = new JsonArray(s.Languages.OrderBy(l => l.Code, StringComparer.Ordinal).Select(l => (JsonNode)new JsonObject
            {
                ["id"] = Id($"language:{l.Code}"), ["name"] = Listings.Languages.Name(l.Code), ["code"] = l.Code,
            }).ToArray()),
            ["service_areas"] = new JsonArray(s.Areas.OrderBy(a => a.SubdivisionCode).ThenBy(a => a.CountryCode).Select(a => (JsonNode)new JsonObject
            {
                ["id"] = Id($"area:{a.Scope}:{a.CountryCode}:{a.SubdivisionCode}"), ["extent_type"] = "text",
                ["name"] = a.Scope == AreaScope.Worldwide ? "Worldwide" : a.Scope == AreaScope.Country ? a.CountryCode : a.SubdivisionCode,
                ["helpdirectory_scope"] = a.Scope.ToString().ToLowerInvariant(),
            }).ToArray()),
            ["service_at_locations"] = locations,
            ["attributes"] = attributes,
            // Our extensions (HSDS allows extra fields): what HSDS has no place for, so an import loses nothing.
            ["helpdirectory_slug"] = s.Slug,
            ["helpdirectory_time_zone"] = s.TimeZone,
            ["helpdirectory_source"] = s.Source,
            ["helpdirectory_verified_by"] = s.VerifiedBy,
        };
    }

    private static ServiceForm FromHsds(JsonObject o, out OrganizationImport organization)
    {
        string? S(JsonNode? n) => n?.GetValue<string>();
        var org = o["organization"]!.AsObject();
        organization = new OrganizationImport(S(org["helpdirectory_key"]) ?? S(org["id"])!, S(org["name"])!, S(org["description"]) ?? "", S(org["website"]), S(org["email"]));
        var terms = (o["attributes"]?.AsArray() ?? []).Select(a => a!["taxonomy_term"]!).Select(t => (Taxonomy: S(t["taxonomy"]), Name: S(t["name"])!)).ToList();
        List<string> Terms(string taxonomy) => terms.Where(t => t.Taxonomy == taxonomy).Select(t => t.Name).ToList();

        var schedules = o["schedules"]?.AsArray().Select(n => n!.AsObject()).ToList() ?? [];
        var is24x7 = schedules.Any(sc => S(sc["byday"]) == string.Join(',', Days) && S(sc["opens_at"]) == "00:00" && S(sc["closes_at"]) == "24:00");
        var hours = schedules.Where(sc => !(S(sc["byday"]) == string.Join(',', Days) && S(sc["opens_at"]) == "00:00" && S(sc["closes_at"]) == "24:00"))
            .Select(sc => $"{S(sc["byday"])!.ToLowerInvariant()} {S(sc["opens_at"])}-{S(sc["closes_at"])}");
        var areas = o["service_areas"]?.AsArray().Select(a => (Scope: S(a!["helpdirectory_scope"]) ?? "country", Name: S(a["name"])!)).ToList() ?? [];
        var locations = o["service_at_locations"]?.AsArray().Select(n => n!["location"]!.AsObject()).ToList() ?? [];
        var physical = locations.Where(l => S(l["location_type"]) == "physical").Select(l =>
        {
            var a = l["addresses"]![0]!;
            return $"{S(l["name"])} | {S(a["address_1"])} | {S(a["city"])} | {S(a["postal_code"])} | {S(a["country"])}";
        });
        var phones = o["phones"]?.AsArray().Select(p => $"{S(p!["number"])} | {S(p["type"]) ?? "voice"}{(S(p["description"]) is { Length: > 0 } d ? " | " + d : "")}");
        var timeZone = S(o["helpdirectory_time_zone"]) ?? schedules.Select(sc => S(sc["timezone_name"])).FirstOrDefault(z => z is not null) ?? "UTC";

        return new ServiceForm
        {
            Name = S(o["name"])!,
            Slug = S(o["helpdirectory_slug"]) ?? S(o["id"])!,
            Organization = organization.Key,
            Kind = Terms("helpdirectory-kinds").FirstOrDefault() ?? "",
            Description = S(o["description"]) ?? "",
            Url = S(o["url"]),
            Email = S(o["email"]),
            ChatUrl = locations.Where(l => S(l["location_type"]) == "virtual").Select(l => S(l["url"])).FirstOrDefault(),
            Phones = phones is null ? null : string.Join('\n', phones) is { Length: > 0 } p ? p : null,
            ContactMethods = Terms("helpdirectory-contact-methods"),
            TimeZone = timeZone,
            Is24x7 = is24x7,
            Hours = string.Join('\n', hours) is { Length: > 0 } h ? h : null,
            Cost = Terms("helpdirectory-cost").FirstOrDefault() ?? "unknown",
            CostNote = S(o["fees_description"]),
            Audiences = Terms("helpdirectory-audiences"),
            Languages = string.Join(' ', o["languages"]?.AsArray().Select(l => S(l!["code"])) ?? []) is { Length: > 0 } langs ? langs : null,
            Approaches = Terms("helpdirectory-approaches"),
            AreaScope = areas.Any(a => a.Scope == "worldwide") ? "worldwide" : areas.Any(a => a.Scope == "subdivision") ? "subdivisions" : "countries",
            AreaCodes = string.Join(' ', areas.Where(a => a.Scope != "worldwide").Select(a => a.Name)) is { Length: > 0 } codes ? codes : null,
            Locations = string.Join('\n', physical) is { Length: > 0 } locs ? locs : null,
            Source = S(o["helpdirectory_source"]) ?? "",
            Status = "published",
            LastVerified = S(o["assured_date"]),
            VerifiedBy = S(o["helpdirectory_verified_by"]),
        };
    }
}
