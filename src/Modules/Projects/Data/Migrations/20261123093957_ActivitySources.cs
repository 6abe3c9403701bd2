using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivitySources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "source_key",
                schema: "projects",
                table: "activities",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "source_updated_at",
                schema: "projects",
                table: "activities",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_activities_source_key_project_id",
                schema: "projects",
                table: "activities",
                columns: new[] { "source_key", "project_id" },
                unique: true,
                filter: "source_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_activities_source_key_project_id",
                schema: "projects",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "source_key",
                schema: "projects",
                table: "activities");

            migrationBuilder.DropColumn(
                name: "source_updated_at",
                schema: "projects",
                table: "activities");
        }
    }
}
