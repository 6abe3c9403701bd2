using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class ActivityFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity_facts",
                schema: "reports",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    event_id = table.Column<Guid>(type: "uuid", nullable: true),
                    coalition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    report_id = table.Column<Guid>(type: "uuid", nullable: true),
                    total_reach = table.Column<int>(type: "integer", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_facts", x => x.activity_id);
                });

            migrationBuilder.CreateTable(
                name: "reach_facts",
                schema: "reports",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    audience = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    gender = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reach_facts", x => new { x.activity_id, x.audience, x.gender });
                    table.ForeignKey(
                        name: "fk_reach_facts_activity_facts_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "reports",
                        principalTable: "activity_facts",
                        principalColumn: "activity_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_facts_date",
                schema: "reports",
                table: "activity_facts",
                column: "date",
                filter: "NOT deleted");

            migrationBuilder.CreateIndex(
                name: "ix_activity_facts_project_id_date",
                schema: "reports",
                table: "activity_facts",
                columns: new[] { "project_id", "date" },
                filter: "NOT deleted");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reach_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "activity_facts",
                schema: "reports");
        }
    }
}
