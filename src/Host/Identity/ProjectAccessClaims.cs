using System.Security.Claims;
using Advocacy.BuildingBlocks.Authorization;
using Microsoft.AspNetCore.Authentication;

namespace Advocacy.Host.Identity;

/// <summary>
/// Puts a staff member's project assignments on the principal of every request (ADR 0016), read afresh
/// each time so that an admin's change applies at once; managers and admins reach every project and
/// cost no query.
/// </summary>
internal sealed class ProjectAccessClaims(IProjectAssignments assignments, IHttpContextAccessor http) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true
            || principal.HasClaim(c => c.Type == ProjectAccess.AssignmentsReadClaim)
            || ProjectAccess.Of(principal).All
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            return principal;
        }
        var projects = await assignments.AssignedProjectsAsync(userId, http.HttpContext?.RequestAborted ?? default);
        var claims = new ClaimsIdentity(
            projects.Select(id => new Claim(ProjectAccess.ProjectClaim, id.ToString()))
                .Append(new Claim(ProjectAccess.AssignmentsReadClaim, "true")));
        var transformed = principal.Clone();
        transformed.AddIdentity(claims);
        return transformed;
    }
}
