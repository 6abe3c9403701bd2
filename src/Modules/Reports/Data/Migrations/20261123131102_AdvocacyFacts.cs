using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdvocacyFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ask_facts",
                schema: "reports",
                columns: table => new
                {
                    ask_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ask_facts", x => x.ask_id);
                });

            migrationBuilder.CreateTable(
                name: "commitment_facts",
                schema: "reports",
                columns: table => new
                {
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    made_on = table.Column<DateOnly>(type: "date", nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    stakeholder_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_facts", x => x.commitment_id);
                });

            migrationBuilder.CreateTable(
                name: "outcome_facts",
                schema: "reports",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_facts", x => x.activity_id);
                });

            migrationBuilder.CreateTable(
                name: "response_facts",
                schema: "reports",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stakeholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stakeholder_kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    response = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_response_facts", x => new { x.activity_id, x.stakeholder_id });
                    table.ForeignKey(
                        name: "fk_response_facts_outcome_facts_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "reports",
                        principalTable: "outcome_facts",
                        principalColumn: "activity_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_ask_facts_project_id",
                schema: "reports",
                table: "ask_facts",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_facts_project_id_made_on",
                schema: "reports",
                table: "commitment_facts",
                columns: new[] { "project_id", "made_on" });

            migrationBuilder.CreateIndex(
                name: "ix_outcome_facts_project_id_date",
                schema: "reports",
                table: "outcome_facts",
                columns: new[] { "project_id", "date" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ask_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "commitment_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "response_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "outcome_facts",
                schema: "reports");
        }
    }
}
