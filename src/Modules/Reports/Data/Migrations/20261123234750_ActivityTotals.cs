using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_totals",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_totals", x => new { x.project_id, x.type });
                });

            migrationBuilder.CreateTable(
                name: "country_totals",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    reach = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_country_totals", x => new { x.project_id, x.country });
                });

            migrationBuilder.CreateTable(
                name: "project_totals",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activities = table.Column<int>(type: "integer", nullable: false),
                    reach = table.Column<int>(type: "integer", nullable: false),
                    coalition_activities = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_totals", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "reach_totals",
                schema: "reports",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    people = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reach_totals", x => new { x.project_id, x.audience });
                });

            // The totals of the facts already held: the roll-ups summed over their months.
            migrationBuilder.Sql("""
                INSERT INTO reports.project_totals (project_id, activities, reach, coalition_activities)
                SELECT project_id, sum(activities), sum(reach), sum(coalition_activities) FROM reports.month_rollups GROUP BY 1;
                INSERT INTO reports.activity_totals (project_id, type, activities)
                SELECT project_id, type, sum(activities) FROM reports.activity_rollups GROUP BY 1, 2;
                INSERT INTO reports.country_totals (project_id, country, activities, reach)
                SELECT project_id, country, sum(activities), sum(reach) FROM reports.country_rollups GROUP BY 1, 2;
                INSERT INTO reports.reach_totals (project_id, audience, people)
                SELECT project_id, audience, sum(people) FROM reports.reach_rollups GROUP BY 1, 2;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity_totals",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "country_totals",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "project_totals",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "reach_totals",
                schema: "reports");
        }
    }
}
