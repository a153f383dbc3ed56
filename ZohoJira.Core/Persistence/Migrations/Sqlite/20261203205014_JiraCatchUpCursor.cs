using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class JiraCatchUpCursor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "jira_sync_cursors",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UpdatedSince = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Query = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Continuation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastUpdated = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SeenIssues = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_jira_sync_cursors", x => x.Name);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jira_sync_cursors");
        }
    }
}
