using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProjectAssignments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "project_assignments",
                schema: "projects",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    assigned_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_project_assignments", x => new { x.project_id, x.user_id });
                    table.ForeignKey(
                        name: "fk_project_assignments_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "projects",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_project_assignments_user_id",
                schema: "projects",
                table: "project_assignments",
                column: "user_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "project_assignments",
                schema: "projects");
        }
    }
}
