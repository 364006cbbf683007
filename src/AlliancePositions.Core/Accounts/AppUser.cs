using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Core.Accounts;

/// <summary>A user account; its codings are signed by the linked coder.</summary>
public class AppUser : IdentityUser
{
    public int? CoderId { get; set; }
    public bool MustChangePassword { get; set; }

    /// <summary>Set by an Admin: the account cannot sign in, and its cookies and tokens are refused at the next request.</summary>
    public bool Disabled { get; set; }
}
