using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportingPeriods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reporting_periods",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_date = table.Column<DateOnly>(type: "date", nullable: false),
                    to_date = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    approval_round = table.Column<int>(type: "integer", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_periods", x => x.id);
                    table.CheckConstraint("ck_reporting_periods_dates", "to_date >= from_date");
                    table.ForeignKey(
                        name: "fk_reporting_periods_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "projects",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporting_period_changes",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approval_round = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: true),
                    indicator_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    source = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_period_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_reporting_period_changes_reporting_periods_period_id",
                        column: x => x.period_id,
                        principalSchema: "projects",
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "reporting_period_history",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reporting_period_history", x => x.id);
                    table.ForeignKey(
                        name: "fk_reporting_period_history_reporting_periods_period_id",
                        column: x => x.period_id,
                        principalSchema: "projects",
                        principalTable: "reporting_periods",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_period_changes_period_id_approval_round",
                schema: "projects",
                table: "reporting_period_changes",
                columns: new[] { "period_id", "approval_round" });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_period_history_period_id_at",
                schema: "projects",
                table: "reporting_period_history",
                columns: new[] { "period_id", "at" });

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_project_id_from_date",
                schema: "projects",
                table: "reporting_periods",
                columns: new[] { "project_id", "from_date" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reporting_periods_status",
                schema: "projects",
                table: "reporting_periods",
                column: "status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reporting_period_changes",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "reporting_period_history",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "reporting_periods",
                schema: "projects");
        }
    }
}
