using Microsoft.AspNetCore.Identity;

namespace CityOps.Flow.Web.Identity;

/// <summary>
/// Sets a user's password without knowing the old one (the operator's set-password command, later the admin page):
/// checks it against the password rules, lifts any lockout and ends the user's open sessions (at their next security-stamp check).
/// </summary>
public static class PasswordReset
{
    /// <summary>What stopped the change; empty when the password is set.</summary>
    public static async Task<IReadOnlyList<string>> SetAsync(UserManager<CityUser> users, string userName, string newPassword)
    {
        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            return [$"There is no user '{userName}'."];
        }

        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, user, newPassword);
            problems.AddRange(check.Errors.Select(error => error.Description));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, newPassword);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // A new security stamp invalidates the user's existing sign-in cookies; it also saves the user.
        var saved = await users.UpdateSecurityStampAsync(user);
        return saved.Succeeded ? [] : saved.Errors.Select(error => error.Description).ToList();
    }
}
