using Advocacy.BuildingBlocks;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Web;
using Advocacy.Modules.Projects.Contracts;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.Stakeholders;
using Advocacy.Modules.Projects.Stakeholders.CreateStakeholder;
using Advocacy.Modules.Projects.Stakeholders.GetStakeholder;
using Advocacy.Modules.Projects.Stakeholders.ListStakeholders;
using Advocacy.Modules.Projects.Stakeholders.UpdateStakeholder;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using StakeholderResponse = Advocacy.Modules.Projects.Stakeholders.StakeholderResponse;

namespace Advocacy.Modules.Projects.Areas.Projects.Pages.Advocacy;

/// <summary>
/// Stakeholders: search by name, filter by kind, level and country (the list endpoint's query), and one form that
/// creates a stakeholder or, with <c>?edit=</c>, edits one with the version read.
/// </summary>
[Authorize(Policy = Policies.Write)]
internal sealed class StakeholdersModel(
    ProjectsDbContext db, IStringLocalizer<AdvocacyText> text, IValidator<StakeholderRequest> validator, TimeProvider clock)
    : AdvocacyPage(db, text)
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public StakeholderKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public StakeholderLevel? Level { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>The stakeholder being edited, or null to create one.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Edit { get; set; }

    [BindProperty]
    public StakeholderForm Input { get; set; } = new();

    public Page<StakeholderResponse> Found { get; private set; } = new([], 1, PageSize, 0);

    public IReadOnlyList<SelectListItem> Parents { get; private set; } = [];

    public IReadOnlyList<SelectListItem> CountryChoices { get; } = Display.CountryChoices();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (Edit is { } id)
        {
            try
            {
                var stakeholder = (await GetStakeholderEndpoint.Handle(id, Db, cancellationToken)).Value!;
                Input = StakeholderForm.From(stakeholder);
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var request = Input.ToRequest();
        if (ModelState.IsValid && await ValidateAsync(validator, request, nameof(Input)))
        {
            try
            {
                var result = await RunAsync(async () => Edit is { } id
                    ? await UpdateStakeholderEndpoint.Handle(id, request, Db, clock, cancellationToken)
                    : await CreateStakeholderEndpoint.Handle(request, User, Db, clock, cancellationToken), nameof(Input));
                if (result is not null)
                {
                    TempData["Notice"] = Text["Stakeholder saved: {0}.", request.Name.Trim()].Value;
                    return RedirectToPage(new { Search = request.Name.Trim() });
                }
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var result = await ListStakeholdersEndpoint.Handle(
            Db, cancellationToken, search: Search, kind: Kind?.ToString(), level: Level?.ToString(), country: BuildingBlocks.Input.Blank(Country), pageSize: PageSize);
        if (result.Result is Ok<Page<StakeholderResponse>> { Value: { } found })
        {
            Found = found;
        }
        // A person is never an institution others belong to.
        Parents = await Db.Stakeholders.AsNoTracking().Where(s => s.Kind != StakeholderKind.Person && s.Id != Edit).OrderBy(s => s.Name)
            .Select(s => new SelectListItem(s.Name, s.Id.ToString())).ToListAsync(cancellationToken);
    }

    protected override string? LabelOf(string property) => property == "parentId" ? Text["Belongs to"].Value : base.LabelOf(property);
}

/// <summary>The stakeholder form as the browser posts it.</summary>
internal sealed class StakeholderForm
{
    public string? Name { get; set; }

    public StakeholderKind? Kind { get; set; }

    public StakeholderLevel? Level { get; set; }

    public string? Country { get; set; }

    public Guid? ParentId { get; set; }

    public string? Function { get; set; }

    public string? Party { get; set; }

    public uint? Version { get; set; }

    public StakeholderRequest ToRequest() =>
        new(Name ?? "", Kind, Level, Input.Blank(Country)?.ToUpperInvariant(), ParentId, Input.Blank(Function), Input.Blank(Party), Version);

    public static StakeholderForm From(StakeholderResponse s) => new()
    {
        Name = s.Name, Kind = s.Kind, Level = s.Level, Country = s.Country, ParentId = s.ParentId, Function = s.Function, Party = s.Party,
        Version = s.Version,
    };
}
