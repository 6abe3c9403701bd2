using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Reports.Data.Migrations
{
    /// <inheritdoc />
    public partial class DonorReportsExportsLinksAndAdvocacy : Migration
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

            // Publications from before translations read as "no translations", not as a missing list.
            migrationBuilder.Sql("UPDATE reports.publications SET title_translations = '[]' WHERE title_translations IS NULL;");

            migrationBuilder.AddColumn<decimal>(
                name: "budget_amount",
                schema: "reports",
                table: "project_summaries",
                type: "numeric(18,2)",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "budget_currency",
                schema: "reports",
                table: "project_summaries",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "organisations",
                schema: "reports",
                table: "project_summaries",
                type: "jsonb",
                nullable: true);

            // Summaries from before organisations were kept read as "none known" until a rebuild fills them.
            migrationBuilder.Sql("UPDATE reports.project_summaries SET organisations = '[]' WHERE organisations IS NULL;");

            migrationBuilder.AddColumn<string>(
                name: "place",
                schema: "reports",
                table: "activity_facts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                schema: "reports",
                table: "activity_facts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "approved_periods",
                schema: "reports",
                columns: table => new
                {
                    period_id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    approved = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approved_periods", x => x.period_id);
                });

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
                name: "donor_links",
                schema: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_donor_links", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "donor_reports",
                schema: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    project_id = table.Column<Guid>(type: "uuid", nullable: true),
                    donor = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    sections = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_donor_reports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "event_facts",
                schema: "reports",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    starts_on = table.Column<DateOnly>(type: "date", nullable: false),
                    ends_on = table.Column<DateOnly>(type: "date", nullable: false),
                    place = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    online = table.Column<bool>(type: "boolean", nullable: false),
                    project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_facts", x => x.event_id);
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
                name: "export_jobs",
                schema: "reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    donor_report_id = table.Column<Guid>(type: "uuid", nullable: false),
                    format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    section = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    rows_total = table.Column<long>(type: "bigint", nullable: false),
                    rows_done = table.Column<long>(type: "bigint", nullable: false),
                    file_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    content_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    size_bytes = table.Column<long>(type: "bigint", nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    requested_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    heartbeat_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_jobs", x => x.id);
                    table.ForeignKey(
                        name: "fk_export_jobs_donor_reports_donor_report_id",
                        column: x => x.donor_report_id,
                        principalSchema: "reports",
                        principalTable: "donor_reports",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
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

            migrationBuilder.CreateTable(
                name: "export_chunks",
                schema: "reports",
                columns: table => new
                {
                    job_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    data = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_export_chunks", x => new { x.job_id, x.sequence });
                    table.ForeignKey(
                        name: "fk_export_chunks_export_jobs_job_id",
                        column: x => x.job_id,
                        principalSchema: "reports",
                        principalTable: "export_jobs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approved_periods_project_id_from",
                schema: "reports",
                table: "approved_periods",
                columns: new[] { "project_id", "from" });

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
                name: "ix_donor_links_project_id",
                schema: "reports",
                table: "donor_links",
                column: "project_id");

            migrationBuilder.CreateIndex(
                name: "ix_donor_links_token_hash",
                schema: "reports",
                table: "donor_links",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_event_facts_starts_on",
                schema: "reports",
                table: "event_facts",
                column: "starts_on");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_donor_report_id",
                schema: "reports",
                table: "export_jobs",
                column: "donor_report_id");

            migrationBuilder.CreateIndex(
                name: "ix_export_jobs_requested_at",
                schema: "reports",
                table: "export_jobs",
                column: "requested_at",
                filter: "status = 'Queued'");

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
                name: "approved_periods",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "ask_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "commitment_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "donor_links",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "event_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "export_chunks",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "response_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "export_jobs",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "outcome_facts",
                schema: "reports");

            migrationBuilder.DropTable(
                name: "donor_reports",
                schema: "reports");

            migrationBuilder.DropColumn(
                name: "title_translations",
                schema: "reports",
                table: "publications");

            migrationBuilder.DropColumn(
                name: "budget_amount",
                schema: "reports",
                table: "project_summaries");

            migrationBuilder.DropColumn(
                name: "budget_currency",
                schema: "reports",
                table: "project_summaries");

            migrationBuilder.DropColumn(
                name: "organisations",
                schema: "reports",
                table: "project_summaries");

            migrationBuilder.DropColumn(
                name: "place",
                schema: "reports",
                table: "activity_facts");

            migrationBuilder.DropColumn(
                name: "title",
                schema: "reports",
                table: "activity_facts");
        }
    }
}
