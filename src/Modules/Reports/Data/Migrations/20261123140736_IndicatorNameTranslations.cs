using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorNameTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_translations",
                schema: "reports",
                table: "indicator_facts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.Sql("UPDATE reports.indicator_facts SET name_translations = '[]' WHERE name_translations IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "name_translations",
                schema: "reports",
                table: "indicator_facts");
        }
    }
}
