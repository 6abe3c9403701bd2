using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Text;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Host.Identity;

/// <summary>A user as admins see them: one role each; staff also have project assignments (ADR 0016).</summary>
internal sealed record UserResponse(string Id, string Email, string? Role, bool LockedOut);

internal sealed record CreateUserRequest(string Email, string Password, string Role);

internal sealed record ChangeRoleRequest(string Role);

internal sealed class CreateUserValidator : AbstractValidator<CreateUserRequest>
{
    public CreateUserValidator()
    {
        RuleFor(r => r.Email).NotEmpty().EmailAddress().MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(256);
        RuleFor(r => r.Role).Must(r => Roles.All.Contains(r)).WithMessage(_ => ValidationMessages.RoleOneOf.With(string.Join(", ", Roles.All)));
    }
}

internal sealed class ChangeRoleValidator : AbstractValidator<ChangeRoleRequest>
{
    public ChangeRoleValidator() =>
        RuleFor(r => r.Role).Must(r => Roles.All.Contains(r)).WithMessage(_ => ValidationMessages.RoleOneOf.With(string.Join(", ", Roles.All)));
}

/// <summary>Admins list users, create them and change their role; assignments live with the projects.</summary>
internal sealed class ManageUsersEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/users").WithTags("Users and assignments").RequireAuthorization(Policies.Admin);
        group.MapGet("", List).WithName("ListUsers");
        group.MapPost("", Create).WithName("CreateUser").WithValidation<CreateUserRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("{id}/role", ChangeRole).WithName("ChangeUserRole").WithValidation<ChangeRoleRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<List<UserResponse>>> List(IdentityDb db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new
            {
                u.Id, u.Email, u.LockoutEnd,
                Role = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(users.Select(u => new UserResponse(u.Id, u.Email ?? "", u.Role, u.LockoutEnd > now)).ToList());
    }

    /// <summary>
    /// Creates the user and gives them their role in one transaction: if the role cannot be given, the
    /// user is not created either.
    /// </summary>
    internal static async Task<Results<Created<UserResponse>, ValidationProblem>> Create(
        CreateUserRequest request, UserManager<IdentityUser> users, IdentityDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = new IdentityUser { UserName = request.Email.Trim(), Email = request.Email.Trim() };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            // The password policy and the unique email speak through Identity's own messages.
            return TypedResults.ValidationProblem(created.Errors
                .GroupBy(e => e.Code.Contains("Password") ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        if (Refused(await users.AddToRoleAsync(user, request.Role)) is { } refused)
        {
            return refused;
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/admin/users/{user.Id}", new UserResponse(user.Id, user.Email!, request.Role, false));
    }

    /// <summary>
    /// Replaces the user's role in one transaction: if any step fails, the user keeps the role they had.
    /// </summary>
    internal static async Task<Results<Ok<UserResponse>, ValidationProblem>> ChangeRole(
        string id, ChangeRoleRequest request, UserManager<IdentityUser> users, IdentityDb db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        var current = await users.GetRolesAsync(user);
        // Each step runs only when the one before succeeded. The new security stamp signs the user's
        // cookies out at their next validation, so the old role does not linger.
        var refused = Refused(await users.RemoveFromRolesAsync(user, current))
            ?? Refused(await users.AddToRoleAsync(user, request.Role))
            ?? Refused(await users.UpdateSecurityStampAsync(user));
        if (refused is not null)
        {
            return refused;
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new UserResponse(user.Id, user.Email ?? "", request.Role, await users.IsLockedOutAsync(user)));
    }

    /// <summary>
    /// Null when Identity did it. A concurrent change of the same user throws (409 Conflict, nothing written);
    /// any other refusal answers 400 with Identity's reasons under <c>role</c>. The caller's transaction,
    /// left uncommitted, undoes what was written before.
    /// </summary>
    private static ValidationProblem? Refused(IdentityResult result)
    {
        if (result.Succeeded)
        {
            return null;
        }
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
        {
            throw new ConflictException("The user was changed by someone else at the same time; nothing was changed. Reload and try again.");
        }
        return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = result.Errors.Select(e => e.Description).ToArray() });
    }
}
