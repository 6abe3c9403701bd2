using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorNameTranslationsAndRuleStakeholderKinds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_translations",
                schema: "projects",
                table: "indicators",
                type: "jsonb",
                nullable: true);

            // Existing rows read as "no translations" and rules as "any stakeholder kind".
            migrationBuilder.Sql("UPDATE projects.indicators SET name_translations = '[]' WHERE name_translations IS NULL;");
            migrationBuilder.Sql(
                "UPDATE projects.indicators SET rule = jsonb_set(rule, '{StakeholderKinds}', '[]') WHERE rule IS NOT NULL AND NOT rule ? 'StakeholderKinds';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "name_translations",
                schema: "projects",
                table: "indicators");
        }
    }
}
