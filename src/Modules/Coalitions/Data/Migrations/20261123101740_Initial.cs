using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Advocacy.Modules.Coalitions.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "coalitions");

            migrationBuilder.CreateTable(
                name: "coalitions",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    website = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    our_role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    joined_on = table.Column<DateOnly>(type: "date", nullable: true),
                    left_on = table.Column<DateOnly>(type: "date", nullable: true),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coalitions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "inbox_messages",
                schema: "coalitions",
                columns: table => new
                {
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consumer = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    handled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_inbox_messages", x => new { x.message_id, x.consumer });
                });

            migrationBuilder.CreateTable(
                name: "known_projects",
                schema: "coalitions",
                columns: table => new
                {
                    project_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_projects", x => x.project_id);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    dispatched_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "coalition_members",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coalition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    country = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    added_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_coalition_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_coalition_members_coalitions_coalition_id",
                        column: x => x.coalition_id,
                        principalSchema: "coalitions",
                        principalTable: "coalitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meetings",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coalition_id = table.Column<Guid>(type: "uuid", nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    agenda = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    attendee_user_ids = table.Column<List<string>>(type: "text[]", nullable: false),
                    project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meetings", x => x.id);
                    table.ForeignKey(
                        name: "fk_meetings_coalitions_coalition_id",
                        column: x => x.coalition_id,
                        principalSchema: "coalitions",
                        principalTable: "coalitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "statements",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    coalition_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    addressed_to = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    signatories = table.Column<List<string>>(type: "text[]", nullable: false),
                    signed_by_us = table.Column<bool>(type: "boolean", nullable: false),
                    project_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_statements", x => x.id);
                    table.ForeignKey(
                        name: "fk_statements_coalitions_coalition_id",
                        column: x => x.coalition_id,
                        principalSchema: "coalitions",
                        principalTable: "coalitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "follow_ups",
                schema: "coalitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    meeting_id = table.Column<Guid>(type: "uuid", nullable: false),
                    action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    owner_user_id = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: false),
                    done_on = table.Column<DateOnly>(type: "date", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_ups", x => x.id);
                    table.ForeignKey(
                        name: "fk_follow_ups_meetings_meeting_id",
                        column: x => x.meeting_id,
                        principalSchema: "coalitions",
                        principalTable: "meetings",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_coalition_members_coalition_id_name",
                schema: "coalitions",
                table: "coalition_members",
                columns: new[] { "coalition_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_coalitions_name",
                schema: "coalitions",
                table: "coalitions",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_meeting_id",
                schema: "coalitions",
                table: "follow_ups",
                column: "meeting_id");

            migrationBuilder.CreateIndex(
                name: "ix_follow_ups_owner_user_id_due_date",
                schema: "coalitions",
                table: "follow_ups",
                columns: new[] { "owner_user_id", "due_date" },
                filter: "done_on IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_meetings_coalition_id_date",
                schema: "coalitions",
                table: "meetings",
                columns: new[] { "coalition_id", "date" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_pending",
                schema: "coalitions",
                table: "outbox_messages",
                column: "id",
                filter: "dispatched_at IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_statements_coalition_id",
                schema: "coalitions",
                table: "statements",
                column: "coalition_id");

            migrationBuilder.CreateIndex(
                name: "ix_statements_date",
                schema: "coalitions",
                table: "statements",
                column: "date");

            migrationBuilder.CreateIndex(
                name: "ix_statements_title_date",
                schema: "coalitions",
                table: "statements",
                columns: new[] { "title", "date" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "coalition_members",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "follow_ups",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "inbox_messages",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "known_projects",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "outbox_messages",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "statements",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "meetings",
                schema: "coalitions");

            migrationBuilder.DropTable(
                name: "coalitions",
                schema: "coalitions");
        }
    }
}
