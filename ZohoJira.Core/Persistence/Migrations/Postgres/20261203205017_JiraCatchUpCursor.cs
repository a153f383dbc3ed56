using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
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
                    Name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    UpdatedSince = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Query = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Continuation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    LastUpdated = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SeenIssues = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
