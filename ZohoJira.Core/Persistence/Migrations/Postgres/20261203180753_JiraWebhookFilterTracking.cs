using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class JiraWebhookFilterTracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebhookJql",
                table: "jira_connections",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrl",
                table: "jira_connections",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "WebhookJql",
                table: "jira_connections");

            migrationBuilder.DropColumn(
                name: "WebhookUrl",
                table: "jira_connections");
        }
    }
}
