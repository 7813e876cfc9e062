namespace HelpDirectory.Web.Data;

public sealed class EmergencyNumber
{
    public int Id { get; set; }
    public required string RegionCode { get; set; }
    public required string Number { get; set; }
    public string Use { get; set; } = "";
    public string Source { get; set; } = "";
    public int SortOrder { get; set; }
    /// <summary>What the number is for in languages other than English.</summary>
    public List<EmergencyNumberText> Texts { get; set; } = [];
}
