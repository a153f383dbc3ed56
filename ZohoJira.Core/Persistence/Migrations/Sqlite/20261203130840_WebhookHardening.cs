using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WebhookUrlTokenHash",
                table: "zoho_connections",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "webhook_token_uses",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    BodyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_token_uses", x => x.TokenHash);
                });

            migrationBuilder.CreateIndex(
                name: "IX_zoho_connections_WebhookUrlTokenHash",
                table: "zoho_connections",
                column: "WebhookUrlTokenHash");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_token_uses_ExpiresAt",
                table: "webhook_token_uses",
                column: "ExpiresAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "webhook_token_uses");

            migrationBuilder.DropIndex(
                name: "IX_zoho_connections_WebhookUrlTokenHash",
                table: "zoho_connections");

            migrationBuilder.DropColumn(
                name: "WebhookUrlTokenHash",
                table: "zoho_connections");
        }
    }
}
