using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(128)",
                oldMaxLength: 128,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WebhookUrlTokenHash",
                table: "zoho_connections",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "webhook_token_uses",
                columns: table => new
                {
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    BodyHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "datetime2", nullable: false)
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
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);
        }
    }
}
