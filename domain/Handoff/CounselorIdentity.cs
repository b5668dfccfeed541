namespace ChatSupport.Domain.Handoff;

/// <summary>Console roles. Supervisors see and do everything counselors do, for every conversation; admins also manage accounts.</summary>
public enum CounselorRole
{
    Counselor,
    Supervisor,
    Admin,
}

public static class CounselorRoles
{
    public static string ToWire(this CounselorRole role) => role switch
    {
        CounselorRole.Counselor => "counselor",
        CounselorRole.Supervisor => "supervisor",
        CounselorRole.Admin => "admin",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static bool TryParse(string? wire, out CounselorRole role)
    {
        switch (wire?.Trim().ToLowerInvariant())
        {
            case "counselor": role = CounselorRole.Counselor; return true;
            case "supervisor": role = CounselorRole.Supervisor; return true;
            case "admin": role = CounselorRole.Admin; return true;
            default: role = CounselorRole.Counselor; return false;
        }
    }
}

/// <summary>Who acts in the console (from the signed-in account).</summary>
public sealed record CounselorIdentity(string UserName, CounselorRole Role)
{
    public bool SeesEverything => Role is CounselorRole.Supervisor or CounselorRole.Admin;
}
