using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WebhookTokenBursts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_webhook_token_uses",
                table: "webhook_token_uses");

            migrationBuilder.AddPrimaryKey(
                name: "PK_webhook_token_uses",
                table: "webhook_token_uses",
                columns: new[] { "TokenHash", "BodyHash" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_webhook_token_uses",
                table: "webhook_token_uses");

            migrationBuilder.AddPrimaryKey(
                name: "PK_webhook_token_uses",
                table: "webhook_token_uses",
                column: "TokenHash");
        }
    }
}
