using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Projects.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdvocacyPeriodsRulesAndTranslations : Migration
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
                name: "activity_outcomes",
                schema: "projects",
                columns: table => new
                {
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ask_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    recorded_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    stakeholders = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_activity_outcomes", x => x.activity_id);
                    table.ForeignKey(
                        name: "fk_activity_outcomes_activities_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "projects",
                        principalTable: "activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "asks",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    target_stakeholder_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    source_id = table.Column<Guid>(type: "uuid", nullable: true),
                    source_title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    opened_on = table.Column<DateOnly>(type: "date", nullable: false),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    text_translations = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_asks", x => x.id);
                    table.ForeignKey(
                        name: "fk_asks_projects_project_id",
                        column: x => x.project_id,
                        principalSchema: "projects",
                        principalTable: "projects",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "stakeholders",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    function = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    party = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stakeholders", x => x.id);
                    table.ForeignKey(
                        name: "fk_stakeholders_stakeholders_parent_id",
                        column: x => x.parent_id,
                        principalSchema: "projects",
                        principalTable: "stakeholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "outcome_follow_ups",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    owner_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outcome_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_outcome_follow_ups_activity_outcomes_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "projects",
                        principalTable: "activity_outcomes",
                        principalColumn: "activity_id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ask_status_changes",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    ask_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ask_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_ask_status_changes_asks_ask_id",
                        column: x => x.ask_id,
                        principalSchema: "projects",
                        principalTable: "asks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "commitments",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    stakeholder_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ask_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitments", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitments_activity_outcomes_activity_id",
                        column: x => x.activity_id,
                        principalSchema: "projects",
                        principalTable: "activity_outcomes",
                        principalColumn: "activity_id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_asks_ask_id",
                        column: x => x.ask_id,
                        principalSchema: "projects",
                        principalTable: "asks",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commitments_stakeholders_stakeholder_id",
                        column: x => x.stakeholder_id,
                        principalSchema: "projects",
                        principalTable: "stakeholders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commitment_status_changes",
                schema: "projects",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    commitment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    to = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    changed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    changed_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    changed_by_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commitment_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_commitment_status_changes_commitments_commitment_id",
                        column: x => x.commitment_id,
                        principalSchema: "projects",
                        principalTable: "commitments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_activity_outcomes_project_id",
                schema: "projects",
                table: "activity_outcomes",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_ask_status_changes_ask_id",
                schema: "projects",
                table: "ask_status_changes",
                column: "ask_id");

            migrationBuilder.CreateIndex(
                name: "ix_asks_project_id_opened_on",
                schema: "projects",
                table: "asks",
                columns: new[] { "project_id", "opened_on" });

            migrationBuilder.CreateIndex(
                name: "ix_asks_target_stakeholder_ids",
                schema: "projects",
                table: "asks",
                column: "target_stakeholder_ids")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_commitment_status_changes_commitment_id",
                schema: "projects",
                table: "commitment_status_changes",
                column: "commitment_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_activity_id",
                schema: "projects",
                table: "commitments",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_ask_id",
                schema: "projects",
                table: "commitments",
                column: "ask_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_project_id_due_date",
                schema: "projects",
                table: "commitments",
                columns: new[] { "project_id", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_commitments_stakeholder_id",
                schema: "projects",
                table: "commitments",
                column: "stakeholder_id");

            migrationBuilder.CreateIndex(
                name: "ix_commitments_status_due_date",
                schema: "projects",
                table: "commitments",
                columns: new[] { "status", "due_date" });

            migrationBuilder.CreateIndex(
                name: "ix_disaggregation_sets_name",
                schema: "projects",
                table: "disaggregation_sets",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outcome_follow_ups_activity_id",
                schema: "projects",
                table: "outcome_follow_ups",
                column: "activity_id");

            migrationBuilder.CreateIndex(
                name: "ix_outcome_follow_ups_owner_user_id_due_date",
                schema: "projects",
                table: "outcome_follow_ups",
                columns: new[] { "owner_user_id", "due_date" },
                filter: "done_on IS NULL");

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

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_kind_level_country",
                schema: "projects",
                table: "stakeholders",
                columns: new[] { "kind", "level", "country" });

            migrationBuilder.CreateIndex(
                name: "ix_stakeholders_parent_id_name",
                schema: "projects",
                table: "stakeholders",
                columns: new[] { "parent_id", "name" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ask_status_changes",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "commitment_status_changes",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "disaggregation_sets",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "outcome_follow_ups",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "reporting_period_changes",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "reporting_period_history",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "commitments",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "reporting_periods",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "activity_outcomes",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "asks",
                schema: "projects");

            migrationBuilder.DropTable(
                name: "stakeholders",
                schema: "projects");

            migrationBuilder.DropColumn(
                name: "name_translations",
                schema: "projects",
                table: "projects");

            migrationBuilder.DropColumn(
                name: "summary_translations",
                schema: "projects",
                table: "projects");

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
