using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityFactsProjectIndexCoversDashboards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_activity_facts_project_id_date",
                schema: "reports",
                table: "activity_facts");

            migrationBuilder.CreateIndex(
                name: "ix_activity_facts_project_id_date",
                schema: "reports",
                table: "activity_facts",
                columns: new[] { "project_id", "date" },
                filter: "NOT deleted")
                .Annotation("Npgsql:IndexInclude", new[] { "activity_id", "type", "total_reach", "country", "event_id", "coalition_id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_activity_facts_project_id_date",
                schema: "reports",
                table: "activity_facts");

            migrationBuilder.CreateIndex(
                name: "ix_activity_facts_project_id_date",
                schema: "reports",
                table: "activity_facts",
                columns: new[] { "project_id", "date" },
                filter: "NOT deleted");
        }
    }
}
