using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_rollups",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_rollups", x => new { x.project_id, x.month, x.type });
                });

            migrationBuilder.CreateTable(
                name: "country_rollups",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    reach = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_country_rollups", x => new { x.project_id, x.month, x.country });
                });

            migrationBuilder.CreateTable(
                name: "month_rollups",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    reach = table.Column<int>(type: "integer", nullable: false),
                    coalition_activities = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_month_rollups", x => new { x.project_id, x.month });
                });

            migrationBuilder.CreateTable(
                name: "reach_rollups",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reach_rollups", x => new { x.project_id, x.month, x.audience });
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_facts_events_held",
                schema: "reports",
                table: "activity_facts",
                column: "date",
                filter: "event_id IS NOT NULL AND NOT deleted")
                .Annotation("Npgsql:IndexInclude", new[] { "event_id", "project_id" });

            // The facts already held, rolled up as the consumers would have kept them (ADR 0022).
            migrationBuilder.Sql("""
                INSERT INTO reports.month_rollups (project_id, month, activities, reach, coalition_activities)
                SELECT project_id, date_trunc('month', date)::date, count(*), sum(total_reach), count(coalition_id)
                  FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2;
                INSERT INTO reports.activity_rollups (project_id, month, type, activities)
                SELECT project_id, date_trunc('month', date)::date, type, count(*)
                  FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3;
                INSERT INTO reports.country_rollups (project_id, month, country, activities, reach)
                SELECT project_id, date_trunc('month', date)::date, coalesce(country, ''), count(*), sum(total_reach)
                  FROM reports.activity_facts WHERE NOT deleted GROUP BY 1, 2, 3;
                INSERT INTO reports.reach_rollups (project_id, month, audience, people)
                SELECT f.project_id, date_trunc('month', f.date)::date, r.audience, sum(r.count)
                  FROM reports.activity_facts f JOIN reports.reach_facts r ON r.activity_id = f.activity_id
                 WHERE NOT f.deleted GROUP BY 1, 2, 3;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_rollups",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "country_rollups",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "month_rollups",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "reach_rollups",
                schema: "reports");

            migrationBuilder.DropIndex(
                name: "ix_activity_facts_events_held",
                schema: "reports",
                table: "activity_facts");
        }
    }
}
