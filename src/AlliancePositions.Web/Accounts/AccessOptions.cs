namespace AlliancePositions.Web.Accounts;

/// <summary>Who may read: <c>Access:AnonymousRead</c> (default on) lets anyone read; off, reading needs a signed-in user.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Access";

    public bool AnonymousRead { get; set; } = true;
}
