using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.RemoveMember;

internal sealed class RemoveMemberEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapDelete("{id:guid}/members/{member}", Handle)
            .WithName("RemoveCoalitionMember")
            .RequireAuthorization(Policies.Write)
            .WithSummary("Removes a member organisation, named by its id or by its name (any case).")
            .ProducesProblem(StatusCodes.Status404NotFound);

    internal static async Task<NoContent> Handle(Guid id, string member, CoalitionsDbContext db, CancellationToken cancellationToken)
    {
        var coalition = await db.FindCoalitionAsync(id, cancellationToken, withMembers: true);
        var name = member.Trim();
        var found = Guid.TryParse(name, out var memberId)
            ? coalition.Members.SingleOrDefault(m => m.Id == memberId)
            : coalition.Members.SingleOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        if (found is null)
        {
            throw new NotFoundException("Member organisation", name);
        }
        db.CoalitionMembers.Remove(found);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
