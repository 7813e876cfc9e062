using System.Globalization;
using CsvHelper;
using HelpDirectory.Web.Data;

namespace HelpDirectory.Web.Editing.Transfer;

/// <summary>Listings as CSV: one row per listing, one column per field of the listing form (texts in other languages as
/// <c>Description@nb</c>, a column for each language any listing has), plus the organisation's name.</summary>
public static class ServiceCsv
{
    private const string OrganizationName = "OrganizationName";

    public static string Write(IEnumerable<Service> services)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(writer, CsvWriterOptions.Default, true))
        {
            var rows = services.Select(s => (Fields: ServiceForm.From(s).Fields(), Organization: s.Organization!.Name)).ToList();
            var header = new ServiceForm().Fields().Keys.Concat(rows.SelectMany(r => r.Fields.Keys)).Distinct().ToList();
            csv.WriteRecord(header.Append(OrganizationName).ToArray());
            foreach (var (fields, organization) in rows) csv.WriteRecord(header.Select(h => fields.GetValueOrDefault(h) ?? "").Append(organization).ToArray());
            csv.Flush();
        }
        return writer.ToString();
    }

    public static TransferFile Read(string text)
    {
        var rows = new List<TransferRow>();
        try
        {
            using var csv = CsvReader.FromText(text, null);
            var header = csv.Headers.ToArray();
            if (!header.Contains(nameof(ServiceForm.Slug)) || !header.Contains(nameof(ServiceForm.Name)))
                return TransferFile.Problem("The first line must be the column names, including Slug and Name (export a CSV to see them).");
            while (csv.Read())
            {
                var fields = header.ToDictionary(h => h, h => csv.GetString(h) ?? "");
                var organization = fields.TryGetValue(OrganizationName, out var orgName) && orgName.Length > 0
                    ? new OrganizationImport(fields.GetValueOrDefault(nameof(ServiceForm.Organization)) ?? "", orgName, "", null, null)
                    : null;
                rows.Add(new TransferRow((int)csv.RowNumber + 1, ServiceForm.FromFields(fields), organization, null));
            }
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException or FormatException)
        {
            return TransferFile.Problem("The file is not a CSV file this importer can read.");
        }
        return new TransferFile(rows, null);
    }
}
