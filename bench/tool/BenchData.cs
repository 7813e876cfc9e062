using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HelpDirectory.Bench;

/// <summary>
/// A copy of the published content with generated load added: subdivisions until there are --regions regions, and
/// --count listings spread over them (mostly local, some national, a few worldwide). It is written under bench/work/,
/// which git ignores, and only ever loaded into the benchmark database. Deterministic: the same arguments give the same files.
/// </summary>
public static class BenchData
{
    private static readonly string[] Kinds = ["therapy", "therapy", "therapy", "groups", "groups", "helplines", "online-therapy", "online-therapy", "forums"];
    private static readonly string[] Contacts = ["phone", "text", "chat", "video", "email", "in-person", "web"];
    private static readonly string[] Audiences = ["all", "youth", "adults", "lgbtqia", "parents-carers", "professionals"];
    private static readonly string[] Approaches = ["dbt", "cbt", "mbt", "mbct", "emdr", "psychodynamic", "compassion-focused", "affirmative", "family", "group", "ipt-a"];
    private static readonly string[] Costs = ["free", "free", "paid", "insurance", "mixed"];
    private static readonly string[] Days = ["mo", "tu", "we", "th", "fr"];

    public static int Generate(Options options)
    {
        var content = Path.GetFullPath(options.Get("content"));
        var output = Path.GetFullPath(options.Get("out"));
        var count = options.Int("count", 10_000);
        // The control country: after the first --control-after listings, no generated listing reaches it (none there, none
        // worldwide). Its pages then match the same listings in a database of 40 and of 10,000, so the two can be timed
        // against each other with only the size of the database differing.
        var control = options.Find("control");
        var controlAfter = options.Int("control-after", 40);
        var regionTarget = options.Int("regions", 300);
        var random = new Random(20261122);

        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(Path.Combine(output, "data"));
        CopyDirectory(Path.Combine(content, "articles"), Path.Combine(output, "articles"));
        File.Copy(Path.Combine(content, "data", "crisis-lines.json"), Path.Combine(output, "data", "crisis-lines.json"));
        File.Copy(Path.Combine(content, "data", "crisis-queries.json"), Path.Combine(output, "data", "crisis-queries.json"));

        // Regions: the published ones, then generated subdivisions for countries that have none, round robin.
        var regions = JsonNode.Parse(File.ReadAllText(Path.Combine(content, "data", "regions.json")))!;
        var countries = regions["countries"]!.AsArray().Select(c => c!.AsObject()).ToList();
        var total = countries.Count + countries.Sum(c => c["subdivisions"]?.AsArray().Count ?? 0);
        var bare = countries.Where(c => (c["subdivisions"]?.AsArray().Count ?? 0) == 0).ToList();
        for (var i = 0; total < regionTarget && bare.Count > 0; i++, total++)
        {
            var country = bare[i % bare.Count];
            var subs = country["subdivisions"] as JsonArray ?? (JsonArray)(country["subdivisions"] = new JsonArray());
            var n = subs.Count + 1;
            var code = (string)country["code"]!;
            subs.Add(new JsonObject
            {
                ["code"] = $"{code}-B{n:00}",
                ["name"] = $"Bench region {code} {n:00}",
                ["slug"] = $"bench-region-{n:00}",
            });
        }
        Write(Path.Combine(output, "data", "regions.json"), regions);

        var places = countries.Select(c => new Place(
            (string)c["code"]!,
            (string)c["timeZone"]!,
            c["languages"]?.AsArray().Select(l => (string)l!).FirstOrDefault() ?? "en",
            (c["subdivisions"]?.AsArray() ?? []).Select(s => (string)s!["code"]!).ToList())).ToList();
        var subdivisions = places.SelectMany(p => p.Subdivisions.Select(s => (Place: p, Code: s))).ToList();

        // Listings: the published ones first, then the generated load.
        var services = JsonNode.Parse(File.ReadAllText(Path.Combine(content, "data", "services.json")))!;
        var organizations = services["organizations"]!.AsArray();
        var list = services["services"]!.AsArray();
        var orgCount = Math.Max(1, count / 20);
        for (var o = 1; o <= orgCount; o++)
        {
            organizations.Add(new JsonObject
            {
                ["key"] = $"bench-org-{o:0000}",
                ["name"] = $"Bench Organisation {o:0000}",
                ["description"] = "An organisation generated for the load benchmark.",
                ["url"] = $"https://bench-org-{o:0000}.example",
            });
        }

        for (var i = 1; i <= count; i++)
        {
            string kind;
            Place place;
            JsonObject area;
            bool worldwide, national;
            do
            {
                kind = Kinds[random.Next(Kinds.Length)];
                var roll = random.NextDouble();
                // About 85% local, 14% national, 1% worldwide (only the kinds that can be used from anywhere).
                worldwide = roll < 0.01 && kind is "online-therapy" or "forums" or "helplines";
                national = !worldwide && roll < 0.15;
                if (worldwide)
                {
                    place = places[random.Next(places.Count)];
                    area = new JsonObject { ["scope"] = "worldwide" };
                }
                else if (national || subdivisions.Count == 0)
                {
                    place = places[random.Next(places.Count)];
                    area = new JsonObject { ["scope"] = "countries", ["codes"] = new JsonArray(place.Code) };
                }
                else
                {
                    var sub = subdivisions[random.Next(subdivisions.Count)];
                    place = sub.Place;
                    area = new JsonObject { ["scope"] = "subdivisions", ["codes"] = new JsonArray(sub.Code) };
                }
            }
            while (i > controlAfter && (worldwide || place.Code == control));

            var contacts = Pick(random, Contacts, 1, 3);
            if (kind == "therapy" && !worldwide && !national && !contacts.Contains("in-person")) contacts.Add("in-person");
            var is24x7 = kind == "helplines" && random.NextDouble() < 0.5;
            var hours = new JsonArray();
            if (!is24x7 && random.NextDouble() < 0.8)
            {
                hours.Add(new JsonObject { ["days"] = new JsonArray(Days.Select(d => (JsonNode)d).ToArray()), ["opens"] = "09:00", ["closes"] = random.NextDouble() < 0.5 ? "17:00" : "20:30" });
                if (random.NextDouble() < 0.3) hours.Add(new JsonObject { ["days"] = new JsonArray("sa"), ["opens"] = "10:00", ["closes"] = "14:00" });
            }
            var phones = new JsonArray();
            if (contacts.Contains("phone")) phones.Add(new JsonObject { ["number"] = $"+1 555 {i:0000000}", ["e164"] = $"+1555{i:0000000}", ["type"] = "voice" });
            if (contacts.Contains("text")) phones.Add(new JsonObject { ["number"] = $"{10000 + i}", ["type"] = "text", ["description"] = "Text to this number" });

            var service = new JsonObject
            {
                ["slug"] = $"bench-{i:00000}",
                ["name"] = $"Bench {Title(kind)} {i:00000}",
                ["organization"] = $"bench-org-{1 + (i % orgCount):0000}",
                ["kind"] = kind,
                ["description"] = $"A listing generated for the load benchmark, number {i}. It stands in for a real service of this kind: " +
                                  "who it is for, how to get in touch, what it costs and when it is open, in about as many words as a real listing uses. " +
                                  "Nothing here describes a real organisation.",
                ["url"] = $"https://bench-{i:00000}.example",
                ["chatUrl"] = contacts.Contains("chat") ? $"https://bench-{i:00000}.example/chat" : null,
                ["email"] = contacts.Contains("email") ? $"hello@bench-{i:00000}.example" : null,
                ["phones"] = phones,
                ["contactMethods"] = new JsonArray(contacts.Select(c => (JsonNode)c).ToArray()),
                ["schedule"] = new JsonObject { ["timeZone"] = place.TimeZone, ["is24x7"] = is24x7, ["hours"] = hours },
                ["cost"] = Costs[random.Next(Costs.Length)],
                ["audiences"] = new JsonArray(Pick(random, Audiences, 1, 2).Select(a => (JsonNode)a).ToArray()),
                ["languages"] = new JsonArray(new[] { place.Language, "en" }.Distinct().Select(l => (JsonNode)l).ToArray()),
                ["approaches"] = kind is "therapy" or "online-therapy" or "groups"
                    ? new JsonArray(Pick(random, Approaches, 1, 3).Select(a => (JsonNode)a).ToArray()) : new JsonArray(),
                ["serviceArea"] = area,
                ["locations"] = contacts.Contains("in-person")
                    ? new JsonArray(new JsonObject { ["address1"] = $"{1 + (i % 200)} Bench Street", ["city"] = "Bench City", ["country"] = place.Code })
                    : new JsonArray(),
                ["lastVerified"] = new DateOnly(2025, 1, 1).AddDays(random.Next(680)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["verifiedBy"] = "load benchmark",
                ["source"] = "generated by bench/tool",
            };
            list.Add(service);
        }
        Write(Path.Combine(output, "data", "services.json"), services);
        Console.WriteLine($"generated {output}: {total} regions, {list.Count} listings ({count} generated)");
        return 0;
    }

    private sealed record Place(string Code, string TimeZone, string Language, List<string> Subdivisions);

    private static List<string> Pick(Random random, string[] from, int min, int max)
    {
        var n = random.Next(min, max + 1);
        return from.OrderBy(_ => random.Next()).Take(n).ToList();
    }

    private static string Title(string kind) => kind switch
    {
        "therapy" => "Therapy",
        "online-therapy" => "Online Therapy",
        "groups" => "Support Group",
        "helplines" => "Helpline",
        _ => "Community",
    };

    private static void Write(string path, JsonNode node) =>
        File.WriteAllText(path, node.ToJsonString(new JsonSerializerOptions { WriteIndented = false }));

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
