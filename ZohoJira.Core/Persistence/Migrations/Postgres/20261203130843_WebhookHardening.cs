using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WebhookHardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "WebhookUrlToken",
                table: "zoho_connections",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrlTokenHash",
                table: "zoho_connections",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "webhook_token_uses",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    BodyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "WebhookUrlToken",
                table: "zoho_connections",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);
        }
    }
}
