using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "computed",
                schema: "projects",
                table: "measurements",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "source_activity_ids",
                schema: "projects",
                table: "measurements",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<List<Guid>>(
                name: "disaggregation_set_ids",
                schema: "projects",
                table: "indicators",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'");

            migrationBuilder.AddColumn<bool>(
                name: "require_totals",
                schema: "projects",
                table: "indicators",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "rule",
                schema: "projects",
                table: "indicators",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "disaggregation_sets",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    dimension = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    categories = table.Column<List<string>>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_disaggregation_sets", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_disaggregation_sets_name",
                schema: "projects",
                table: "disaggregation_sets",
                column: "name",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "disaggregation_sets",
                schema: "projects");

            migrationBuilder.DropColumn(
                name: "computed",
                schema: "projects",
                table: "measurements");

            migrationBuilder.DropColumn(
                name: "source_activity_ids",
                schema: "projects",
                table: "measurements");

            migrationBuilder.DropColumn(
                name: "disaggregation_set_ids",
                schema: "projects",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "require_totals",
                schema: "projects",
                table: "indicators");

            migrationBuilder.DropColumn(
                name: "rule",
                schema: "projects",
                table: "indicators");
        }
    }
}
