using System.ComponentModel.DataAnnotations;

namespace AlliancePositions.Web.Accounts;

/// <summary>
/// The first Admin, created on first start with no users (<see cref="AdminBootstrap"/>). Both are optional; set, they
/// must be usable, checked at start rather than when the first Admin is created.
/// </summary>
public sealed class BootstrapOptions
{
    public const string SectionName = "Bootstrap";

    /// <summary>Identity's password length rule (<see cref="AccountsSetup"/>), which a configured password must meet.</summary>
    public const int PasswordMinimumLength = 12;

    [EmailAddress(ErrorMessage = "Bootstrap:AdminEmail must be an email address.")]
    public string? AdminEmail { get; set; }

    [MinLength(PasswordMinimumLength, ErrorMessage = "Bootstrap:AdminPassword must be at least 12 characters long.")]
    public string? AdminPassword { get; set; }
}
