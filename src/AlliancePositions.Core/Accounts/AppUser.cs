using Microsoft.AspNetCore.Identity;

namespace AlliancePositions.Core.Accounts;

/// <summary>A user account; its codings are signed by the linked coder.</summary>
public class AppUser : IdentityUser
{
    public int? CoderId { get; set; }
    public bool MustChangePassword { get; set; }
}
