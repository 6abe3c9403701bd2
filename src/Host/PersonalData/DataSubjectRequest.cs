using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Data;
using Advocacy.Host.Identity;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Host.PersonalData;

/// <summary>Whose data: exactly one of a user's email, a user id, or a name as written in the records (a participant, a stakeholder).</summary>
internal sealed record DataSubjectRequest(string? Email = null, string? UserId = null, string? Name = null)
{
    /// <summary>
    /// The person as every module looks for them: the account found by email or id (with its email and user name as
    /// names), or only the name given. Null when a user id names no account.
    /// </summary>
    public async Task<DataSubject?> ResolveAsync(IdentityDb db, CancellationToken cancellationToken)
    {
        if (Input.Blank(Name) is { } name)
        {
            return new DataSubject(null, [name]);
        }
        var email = Input.Blank(Email);
        var normalizedEmail = email?.ToUpperInvariant();
        var userId = Input.Blank(UserId);
        var user = await db.Users.AsNoTracking()
            .Where(u => email != null ? u.NormalizedEmail == normalizedEmail : u.Id == userId)
            .Select(u => new { u.Id, u.Email, u.UserName })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            // An email no account has (any more, once erased): its traces may still be found by the email itself.
            return email is null ? null : new DataSubject(null, [email]);
        }
        var names = new[] { email, user.Email, user.UserName }.OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new DataSubject(user.Id, names);
    }
}

internal sealed class DataSubjectRequestValidator : AbstractValidator<DataSubjectRequest>
{
    public DataSubjectRequestValidator()
    {
        RuleFor(r => r).Must(r => new[] { r.Email, r.UserId, r.Name }.Count(v => !string.IsNullOrWhiteSpace(v)) == 1)
            .WithName("subject").WithMessage(_ => ValidationMessages.ExactlyOneSubject);
        RuleFor(r => r.Email).MaximumLength(256).EmailAddress().Must(Plain).WithMessage(_ => ValidationMessages.NotValidText);
        RuleFor(r => r.UserId).MaximumLength(450).Must(Plain).WithMessage(_ => ValidationMessages.NotValidText);
        // A name is matched whole (never as part of a text), but a very short one is more likely a slip than a person.
        RuleFor(r => r.Name).Must(n => n is null || n.Trim().Length is >= 3 and <= 200)
            .WithMessage(_ => ValidationMessages.NameLength).Must(Plain).WithMessage(_ => ValidationMessages.NotValidText);
    }

    /// <summary>No control characters and no lone surrogates (PostgreSQL stores UTF-8 only).</summary>
    private static bool Plain(string? text) =>
        text is null || (!text.Any(char.IsControl) && IsWellFormed(text));

    private static bool IsWellFormed(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
