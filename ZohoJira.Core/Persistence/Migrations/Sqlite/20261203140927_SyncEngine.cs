using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SyncEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BrokenReason",
                table: "links",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Attempts",
                table: "activity",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "WorkItemId",
                table: "activity",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "link_field_writes",
                columns: table => new
                {
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    FieldId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true),
                    WrittenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WorkItemId = table.Column<long>(type: "INTEGER", nullable: true)
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "link_field_writes");

            migrationBuilder.DropIndex(
                name: "IX_activity_LinkId_OccurredAt",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "BrokenReason",
                table: "links");

            migrationBuilder.DropColumn(
                name: "Attempts",
                table: "activity");

            migrationBuilder.DropColumn(
                name: "WorkItemId",
                table: "activity");
        }
    }
}
