using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ZohoTokenLease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "TokenRefreshLeaseExpiresAt",
                table: "zoho_connections",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TokenRefreshOwner",
                table: "zoho_connections",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TokenRefreshLeaseExpiresAt",
                table: "zoho_connections");

            migrationBuilder.DropColumn(
                name: "TokenRefreshOwner",
                table: "zoho_connections");
        }
    }
}
