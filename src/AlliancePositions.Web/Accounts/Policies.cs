namespace AlliancePositions.Web.Accounts;

/// <summary>The three roles and the policies pages and endpoints require.</summary>
public static class Roles
{
    public const string Viewer = "Viewer";
    public const string Analyst = "Analyst";
    public const string Admin = "Admin";

    public static readonly string[] All = [Viewer, Analyst, Admin];
}

public static class Policies
{
    /// <summary>Reading: anyone when <c>Access:AnonymousRead</c> is on, otherwise a signed-in Viewer, Analyst or Admin.</summary>
    public const string Read = "Read";

    /// <summary>Every write: a signed-in Analyst (or Admin).</summary>
    public const string Analyst = "Analyst";

    /// <summary>Users, the audit log, restoring deleted records.</summary>
    public const string Admin = "Admin";
}
