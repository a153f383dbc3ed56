using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OperationsPauseAndLatency : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "ReceivedAt",
                table: "work_items",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "connector_state",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Paused = table.Column<bool>(type: "bit", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ChangedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ParkedNoticeThrough = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_connector_state", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "connector_state",
                columns: new[] { "Id", "ChangedAt", "ChangedBy", "ParkedNoticeThrough", "Paused" },
                values: new object[] { 1, null, null, null, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "connector_state");

            migrationBuilder.DropColumn(
                name: "ReceivedAt",
                table: "work_items");
        }
    }
}
