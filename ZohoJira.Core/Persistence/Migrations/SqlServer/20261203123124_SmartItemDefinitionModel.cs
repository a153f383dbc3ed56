using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SmartItemDefinitionModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "FormatVersion",
                table: "smart_items",
                newName: "SchemaVersion");

            migrationBuilder.AddColumn<bool>(
                name: "AutoCreate",
                table: "smart_items",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SyncAttachments",
                table: "smart_items",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SyncComments",
                table: "smart_items",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "SyncStatus",
                table: "smart_items",
                type: "bit",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AutoCreate",
                table: "smart_items");

            migrationBuilder.DropColumn(
                name: "SyncAttachments",
                table: "smart_items");

            migrationBuilder.DropColumn(
                name: "SyncComments",
                table: "smart_items");

            migrationBuilder.DropColumn(
                name: "SyncStatus",
                table: "smart_items");

            migrationBuilder.RenameColumn(
                name: "SchemaVersion",
                table: "smart_items",
                newName: "FormatVersion");
        }
    }
}
