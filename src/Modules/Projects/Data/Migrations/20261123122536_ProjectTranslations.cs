using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "name_translations",
                schema: "projects",
                table: "projects",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "summary_translations",
                schema: "projects",
                table: "projects",
                type: "jsonb",
                nullable: true);

            // Projects from before translations read as "no translations", not as missing lists.
            migrationBuilder.Sql("UPDATE projects.projects SET name_translations = '[]' WHERE name_translations IS NULL;");
            migrationBuilder.Sql("UPDATE projects.projects SET summary_translations = '[]' WHERE summary_translations IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "name_translations",
                schema: "projects",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "summary_translations",
                schema: "projects",
                table: "projects");
        }
    }
}
