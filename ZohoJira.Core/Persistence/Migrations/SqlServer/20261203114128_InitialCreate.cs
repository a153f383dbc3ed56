using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "activity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    OccurredAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SmartItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    LinkId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    JiraIssueKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ZohoRecordId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Direction = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Message = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Details = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inbound_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Source = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    DedupeKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    EventType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ProcessedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LockedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LockedUntil = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inbound_events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "jira_connections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SiteUrl = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(320)", maxLength: 320, nullable: false),
                    ApiToken = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AccountId = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    AccountDisplayName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ConnectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WebhookId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    WebhookSecret = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    WebhookState = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    WebhookRegisteredAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastWebhookEventAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jira_connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "job_runs",
                columns: table => new
                {
                    JobName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LastStartedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastFinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastSucceeded = table.Column<bool>(type: "bit", nullable: true),
                    LastMessage = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    LastNode = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    RunCount = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_job_runs", x => x.JobName);
                });

            migrationBuilder.CreateTable(
                name: "smart_items",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Mode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    JiraProjectKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    JiraIssueType = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ZohoModule = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DefinitionJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    FormatVersion = table.Column<int>(type: "int", nullable: false),
                    IsPaused = table.Column<bool>(type: "bit", nullable: false),
                    IsLegacy = table.Column<bool>(type: "bit", nullable: false),
                    LegacyJson = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AutoCreateBaseline = table.Column<DateTime>(type: "datetime2", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_smart_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    NormalizedUserName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    DisplayName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    PasswordHash = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    SecurityStamp = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastSignInAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "zoho_connections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DataCenter = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ClientId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ClientSecret = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    RefreshToken = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AccessToken = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    AccessTokenExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    GrantedScopes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    AccountsServer = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ApiDomain = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    OrgId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    OrgName = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    ConnectedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastAuthError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    LastAuthErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    WebhookUrlToken = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    WebhookId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_zoho_connections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "links",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SmartItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JiraIssueId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    JiraIssueKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ZohoModule = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ZohoRecordId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    LastSyncedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    LastErrorAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    BrokenAt = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_links", x => x.Id);
                    table.ForeignKey(
                        name: "FK_links_smart_items_SmartItemId",
                        column: x => x.SmartItemId,
                        principalTable: "smart_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_cursors",
                columns: table => new
                {
                    SmartItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ModifiedSince = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_cursors", x => x.SmartItemId);
                    table.ForeignKey(
                        name: "FK_sync_cursors_smart_items_SmartItemId",
                        column: x => x.SmartItemId,
                        principalTable: "smart_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sync_runs",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SmartItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Trigger = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Outcome = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RecordsRead = table.Column<int>(type: "int", nullable: false),
                    ChangesApplied = table.Column<int>(type: "int", nullable: false),
                    Failures = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sync_runs_smart_items_SmartItemId",
                        column: x => x.SmartItemId,
                        principalTable: "smart_items",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_activity_JiraIssueKey_OccurredAt",
                table: "activity",
                columns: new[] { "JiraIssueKey", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_activity_OccurredAt",
                table: "activity",
                column: "OccurredAt");

            migrationBuilder.CreateIndex(
                name: "IX_activity_SmartItemId_OccurredAt",
                table: "activity",
                columns: new[] { "SmartItemId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_Source_DedupeKey",
                table: "inbound_events",
                columns: new[] { "Source", "DedupeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inbound_events_Status_NextAttemptAt",
                table: "inbound_events",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_links_JiraIssueKey",
                table: "links",
                column: "JiraIssueKey");

            migrationBuilder.CreateIndex(
                name: "IX_links_SmartItemId_JiraIssueId",
                table: "links",
                columns: new[] { "SmartItemId", "JiraIssueId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_links_SmartItemId_ZohoRecordId",
                table: "links",
                columns: new[] { "SmartItemId", "ZohoRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_smart_items_JiraProjectKey_JiraIssueType",
                table: "smart_items",
                columns: new[] { "JiraProjectKey", "JiraIssueType" });

            migrationBuilder.CreateIndex(
                name: "IX_smart_items_Name",
                table: "smart_items",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_sync_runs_SmartItemId_StartedAt",
                table: "sync_runs",
                columns: new[] { "SmartItemId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_users_NormalizedUserName",
                table: "users",
                column: "NormalizedUserName",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "activity");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "inbound_events");

            migrationBuilder.DropTable(
                name: "jira_connections");

            migrationBuilder.DropTable(
                name: "job_runs");

            migrationBuilder.DropTable(
                name: "links");

            migrationBuilder.DropTable(
                name: "sync_cursors");

            migrationBuilder.DropTable(
                name: "sync_runs");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "zoho_connections");

            migrationBuilder.DropTable(
                name: "smart_items");
        }
    }
}
