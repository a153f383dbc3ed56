using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SyncEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Cursors were per item and never written before; they are per Zoho module now.
            migrationBuilder.Sql("DELETE FROM sync_cursors;");

            migrationBuilder.DropForeignKey(
                name: "FK_sync_cursors_smart_items_SmartItemId",
                table: "sync_cursors");

            migrationBuilder.DropPrimaryKey(
                name: "PK_sync_cursors",
                table: "sync_cursors");

            migrationBuilder.DropColumn(
                name: "SmartItemId",
                table: "sync_cursors");

            migrationBuilder.AddColumn<string>(
                name: "ZohoModule",
                table: "sync_cursors",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Continuation",
                table: "sync_cursors",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastModifiedTime",
                table: "sync_cursors",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastRecordIds",
                table: "sync_cursors",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "AnnouncedAt",
                table: "links",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BrokenReason",
                table: "links",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "activity",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WorkItemId",
                table: "activity",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddPrimaryKey(
                name: "PK_sync_cursors",
                table: "sync_cursors",
                column: "ZohoModule");

            migrationBuilder.CreateTable(
                name: "issue_create_intents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SmartItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    ZohoModule = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ZohoRecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Marker = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JiraIssueId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    JiraIssueKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_issue_create_intents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_issue_create_intents_smart_items_SmartItemId",
                        column: x => x.SmartItemId,
                        principalTable: "smart_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "link_field_writes",
                columns: table => new
                {
                    LinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Side = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    FieldId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "text", nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    WorkItemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_link_field_writes", x => new { x.LinkId, x.Side, x.FieldId });
                    table.ForeignKey(
                        name: "FK_link_field_writes_links_LinkId",
                        column: x => x.LinkId,
                        principalTable: "links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_LinkId_OccurredAt",
                table: "activity",
                columns: new[] { "LinkId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_issue_create_intents_SmartItemId_ZohoRecordId",
                table: "issue_create_intents",
                columns: new[] { "SmartItemId", "ZohoRecordId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "issue_create_intents");

            migrationBuilder.DropTable(
                name: "link_field_writes");

            migrationBuilder.DropPrimaryKey(
                name: "PK_sync_cursors",
                table: "sync_cursors");

            migrationBuilder.DropIndex(
                name: "IX_activity_LinkId_OccurredAt",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "ZohoModule",
                table: "sync_cursors");

            migrationBuilder.DropColumn(
                name: "Continuation",
                table: "sync_cursors");

            migrationBuilder.DropColumn(
                name: "LastModifiedTime",
                table: "sync_cursors");

            migrationBuilder.DropColumn(
                name: "LastRecordIds",
                table: "sync_cursors");

            migrationBuilder.DropColumn(
                name: "AnnouncedAt",
                table: "links");

            migrationBuilder.DropColumn(
                name: "BrokenReason",
                table: "links");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "WorkItemId",
                table: "activity");

            migrationBuilder.AddColumn<Guid>(
                name: "SmartItemId",
                table: "sync_cursors",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddPrimaryKey(
                name: "PK_sync_cursors",
                table: "sync_cursors",
                column: "SmartItemId");

            migrationBuilder.AddForeignKey(
                name: "FK_sync_cursors_smart_items_SmartItemId",
                table: "sync_cursors",
                column: "SmartItemId",
                principalTable: "smart_items",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
