using Advocacy.BuildingBlocks.Text;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
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
        group.MapPost("", Create).WithName("CreateUser").WithValidation<CreateUserRequest>();
        group.MapPut("{id}/role", ChangeRole).WithName("ChangeUserRole").WithValidation<ChangeRoleRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound);
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

    internal static async Task<Results<Created<UserResponse>, ValidationProblem>> Create(CreateUserRequest request, UserManager<IdentityUser> users)
    {
        var user = new IdentityUser { UserName = request.Email.Trim(), Email = request.Email.Trim() };
        var created = await users.CreateAsync(user, request.Password);
        if (!created.Succeeded)
        {
            // The password policy and the unique email speak through Identity's own messages.
            return TypedResults.ValidationProblem(created.Errors
                .GroupBy(e => e.Code.Contains("Password") ? "password" : "email")
                .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray()));
        }
        await users.AddToRoleAsync(user, request.Role);
        return TypedResults.Created($"/api/admin/users/{user.Id}", new UserResponse(user.Id, user.Email!, request.Role, false));
    }

    internal static async Task<Ok<UserResponse>> ChangeRole(string id, ChangeRoleRequest request, UserManager<IdentityUser> users)
    {
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException("User", id);
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, request.Role);
        // Signs the user's cookies out at their next validation, so the old role does not linger.
        await users.UpdateSecurityStampAsync(user);
        return TypedResults.Ok(new UserResponse(user.Id, user.Email ?? "", request.Role, await users.IsLockedOutAsync(user)));
    }
}
