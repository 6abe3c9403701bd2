using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Advocacy.Modules.Coalitions.Coalitions.AddMember;

/// <summary>Adds a member organisation to a coalition; a name already there (whatever the case) is 409.</summary>
internal sealed class AddMemberEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        CoalitionsApi.Group(app)
            .MapPost("{id:guid}/members", Handle)
            .WithName("AddCoalitionMember")
            .RequireAuthorization(Policies.Write)
            .WithValidation<MemberRequest>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    internal static async Task<Created<MemberResponse>> Handle(
        Guid id, MemberRequest request, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var coalition = await db.FindCoalitionAsync(id, cancellationToken, withMembers: true);
        var name = request.Name.Trim();
        if (coalition.Members.Any(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ConflictException($"'{name}' is already a member of {coalition.Name}.");
        }
        var member = new CoalitionMember { Id = Guid.CreateVersion7(), CoalitionId = id, Name = name, Country = request.Country, AddedAt = clock.GetUtcNow() };
        db.CoalitionMembers.Add(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coalitions/{id}", MemberResponse.From(member));
    }
}
