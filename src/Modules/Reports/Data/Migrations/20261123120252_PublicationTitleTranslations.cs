using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class PublicationTitleTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "title_translations",
                schema: "reports",
                table: "publications",
                type: "jsonb",
                nullable: true);

            // Rows from before translations read as "no translations", not as a missing list.
            migrationBuilder.Sql("UPDATE reports.publications SET title_translations = '[]' WHERE title_translations IS NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "title_translations",
                schema: "reports",
                table: "publications");
        }
    }
}
