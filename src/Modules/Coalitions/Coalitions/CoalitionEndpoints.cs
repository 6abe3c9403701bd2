using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.Modules.Coalitions.Contracts;
using Advocacy.Modules.Coalitions.Data;
using Carter;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Advocacy.Modules.Coalitions.Coalitions;

internal sealed record CoalitionResponse(Guid Id, string Name, CoalitionLevel Level, string? Website, uint Version);

internal sealed record RegisterCoalitionRequest(string Name, CoalitionLevel? Level, string? Website);

internal sealed class RegisterCoalitionValidator : AbstractValidator<RegisterCoalitionRequest>
{
    public RegisterCoalitionValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Coalition.NameMaxLength);
        RuleFor(r => r.Level).NotNull().IsInEnum();
        RuleFor(r => r.Website).MaximumLength(500)
            .Must(w => Uri.TryCreate(w, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            .When(r => !string.IsNullOrEmpty(r.Website))
            .WithMessage("Website must be an absolute http or https address.");
    }
}

/// <summary>Registering the coalitions the organisation belongs to, and listing them.</summary>
internal sealed class CoalitionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/coalitions").WithTags("Coalitions");
        group.MapGet("", List).WithName("ListCoalitions").RequireAuthorization(Policies.Read);
        group.MapPost("", Register).WithName("RegisterCoalition").RequireAuthorization(Policies.Write)
            .WithValidation<RegisterCoalitionRequest>().ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Ok<List<CoalitionResponse>>> List(CoalitionsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.Coalitions.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new CoalitionResponse(c.Id, c.Name, c.Level, c.Website, c.Version))
            .ToListAsync(cancellationToken));

    internal static async Task<Created<CoalitionResponse>> Register(
        RegisterCoalitionRequest request, CoalitionsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name.Trim();
        if (await db.Coalitions.AnyAsync(c => c.Name == name, cancellationToken))
        {
            throw new ConflictException($"The coalition '{name}' is already registered.");
        }
        var coalition = new Coalition
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            Level = request.Level!.Value,
            Website = string.IsNullOrWhiteSpace(request.Website) ? null : request.Website.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Coalitions.Add(coalition);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/coalitions/{coalition.Id}",
            new CoalitionResponse(coalition.Id, coalition.Name, coalition.Level, coalition.Website, coalition.Version));
    }
}
