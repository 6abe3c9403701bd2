using System.Security.Claims;
using System.Text;
using Advocacy.BuildingBlocks.Authorization;
using Advocacy.BuildingBlocks.Http;
using Advocacy.BuildingBlocks.Identity;
using Advocacy.Modules.Projects.Data;
using Advocacy.Modules.Projects.ReportingPeriods;
using Carter;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Advocacy.Modules.Projects.Activities.ImportActivities;

internal sealed record ImportResult(int ImportedCount, IReadOnlyList<RowError> RejectedRows);

/// <summary>
/// Imports a project's activities from an XLSX or CSV sheet. Every row is checked first; while any row
/// is bad nothing is imported and the answer names each bad cell (row, column, reason), unless the
/// caller asks for <c>goodRowsOnly</c>, which imports the good rows and lists the rest. A row dated in an
/// approved, locked reporting period refuses the whole import (409, goodRowsOnly or not), listing those rows.
/// </summary>
internal sealed class ImportActivitiesEndpoint : ICarterModule
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxRows = 100_000;

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        ActivitiesApi.ProjectGroup(app)
            .MapPost("import", Handle)
            .WithName("ImportActivities")
            .RequireAuthorization(Policies.Write)
            // Bearer-token API calls carry no antiforgery token; the sign-in cookie is SameSite=Lax.
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(MaxFileBytes + 1024 * 1024))
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        ActivitiesApi.Group(app)
            .MapGet("import-template.csv", () => TypedResults.File(Encoding.UTF8.GetBytes(ActivitySheet.TemplateCsv()), "text/csv", "activities-template.csv"))
            .WithName("ActivityImportTemplate")
            .RequireAuthorization(Policies.Read);
    }

    internal static async Task<Results<Ok<ImportResult>, ProblemHttpResult>> Handle(
        Guid projectId,
        IFormFile file,
        ClaimsPrincipal user,
        ProjectsDbContext db,
        TimeProvider clock,
        CancellationToken cancellationToken,
        bool goodRowsOnly = false)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return TypedResults.Problem(title: "Unsupported file", statusCode: StatusCodes.Status400BadRequest,
                detail: "Import a .xlsx or a .csv file (UTF-8, comma or semicolon separated).");
        }
        if (file.Length > MaxFileBytes)
        {
            return TypedResults.Problem(title: "File too large", statusCode: StatusCodes.Status413PayloadTooLarge,
                detail: $"Import at most {MaxFileBytes / 1024 / 1024} MB at a time; split the file.");
        }

        var (project, indicators) = await ActivityProjectRules.LoadAsync(db, projectId, cancellationToken);
        var indicatorCodes = await db.Indicators.AsNoTracking().Where(i => i.ProjectId == projectId)
            .ToDictionaryAsync(i => i.Code, i => i.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);

        await using var content = new MemoryStream();
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        List<SheetRow> rows;
        List<RowError> errors;
        try
        {
            (rows, errors) = ActivitySheet.Read(content, extension == ".xlsx", indicatorCodes);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A corrupt XLSX or an undecodable CSV: say so rather than answer 500.
            return TypedResults.Problem(title: "Unreadable file", statusCode: StatusCodes.Status400BadRequest,
                detail: $"The file could not be read as {extension.TrimStart('.').ToUpperInvariant()}: {exception.Message}");
        }
        if (rows.Count > MaxRows)
        {
            return TypedResults.Problem(title: "Too many rows", statusCode: StatusCodes.Status400BadRequest,
                detail: $"Import at most {MaxRows:N0} activities at a time; split the file.");
        }

        var validator = new ActivityRequestValidator(clock);
        var cellsWithErrors = errors.Select(e => (e.Row, e.Column)).ToHashSet();
        foreach (var row in rows)
        {
            var cellErrors = (await validator.ValidateAsync(row.Activity, cancellationToken)).Errors
                .Select(e => new RowError(row.Row, ColumnOf(e.PropertyName), e.ErrorMessage));
            if (row.Activity.Date is { } date && ActivityProjectRules.Errors(project, date, row.Activity.IndicatorIds ?? [], indicators) is { } projectErrors)
            {
                cellErrors = cellErrors.Concat(projectErrors.Select(e => new RowError(row.Row, ColumnOf(e.Key), e.Value[0])));
            }
            // A cell that could not be read already has its error; do not add "is required" on top.
            errors.AddRange(cellErrors.Where(e => cellsWithErrors.Add((e.Row, e.Column))));
        }
        errors = errors.OrderBy(e => e.Row).ThenBy(e => Array.IndexOf(ActivitySheet.Columns, e.Column)).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await EnsureNoRowIsLockedAsync(db, projectId, rows, errors, cancellationToken);
        var periods = await db.WatchComputedAsync(projectId, cancellationToken);

        if (errors.Count > 0 && !goodRowsOnly)
        {
            return TypedResults.Problem(
                title: "The file has errors; nothing was imported",
                detail: $"{errors.Select(e => e.Row).Distinct().Count()} row(s) need correcting. Fix them and import again, "
                    + "or import with goodRowsOnly=true to import only the good rows.",
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["rows"] = errors, ["importedCount"] = 0 });
        }

        var badRows = errors.Select(e => e.Row).ToHashSet();
        var now = clock.GetUtcNow();
        var (userId, userName) = (user.UserId(), user.UserName());
        var activities = new List<Activity>();
        foreach (var row in rows.Where(r => !badRows.Contains(r.Row)))
        {
            var activity = new Activity
            {
                Id = Guid.CreateVersion7(), ProjectId = projectId, Title = "", Source = ActivitySource.Import,
                LoggedBy = userId, LoggedByName = userName, LoggedAt = now,
            };
            ActivityRequestValidator.Apply(row.Activity, activity);
            activities.Add(activity);
        }
        await ActivityBulkWriter.WriteAsync(db, activities, now, cancellationToken);
        // A rule-based value of an approved period the import recounted refuses it too.
        await periods.EnsureComputedUnchangedAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        var imported = activities.Count;
        return TypedResults.Ok(new ImportResult(imported, errors));
    }

    /// <summary>
    /// Refuses the whole import when a row is dated in an approved period: skipping those rows, as goodRowsOnly
    /// skips bad ones, would hide that the sheet tried to change approved figures. The answer lists the rows in
    /// locked periods with the file's other errors, so one round of corrections clears them all.
    /// </summary>
    private static async Task EnsureNoRowIsLockedAsync(
        ProjectsDbContext db, Guid projectId, List<SheetRow> rows, List<RowError> errors, CancellationToken cancellationToken)
    {
        var dated = rows.Where(r => r.Activity.Date is not null).ToList();
        var locked = await db.LockedPeriodsAsync(projectId, dated.Select(r => r.Activity.Date!.Value), cancellationToken);
        if (locked.Count == 0)
        {
            return;
        }
        var lockedRows = dated
            .Select(r => (r.Row, Date: r.Activity.Date!.Value, Period: locked.FirstOrDefault(p => p.Contains(r.Activity.Date!.Value))))
            .Where(r => r.Period is not null)
            .Select(r => new RowError(r.Row, "date",
                $"{r.Date:yyyy-MM-dd} falls in the reporting period {r.Period!.Span}, which is approved and locked."))
            .ToList();
        var lockedRowNumbers = lockedRows.Select(l => l.Row).ToHashSet();
        var others = errors.Select(e => e.Row).Distinct().Count(row => !lockedRowNumbers.Contains(row));
        var exception = new PeriodLockedException(
            $"{lockedRows.Count} row(s) fall in approved, locked reporting periods of {locked[0].ProjectCode} "
                + $"({string.Join(", ", locked.Select(p => p.Span))}); nothing was imported. An admin can unlock a period"
                + (others > 0 ? $"; {others} other row(s) need correcting too." : "."),
            locked[0].Id, locked[0].From, locked[0].To);
        exception.Extensions["rows"] = lockedRows.Concat(errors.Where(e => !(e.Column == "date" && lockedRowNumbers.Contains(e.Row))))
            .OrderBy(e => e.Row).ThenBy(e => Array.IndexOf(ActivitySheet.Columns, e.Column)).ToList();
        exception.Extensions["importedCount"] = 0;
        exception.Extensions["lockedPeriods"] = locked.Select(p => new { p.Id, p.From, p.To }).ToList();
        throw exception;
    }

    private static string ColumnOf(string property) => property switch
    {
        "indicatorIds" => "indicators",
        "eventId" => "event_id",
        "coalitionId" => "coalition_id",
        "reportId" => "report_id",
        _ => property,
    };
}
