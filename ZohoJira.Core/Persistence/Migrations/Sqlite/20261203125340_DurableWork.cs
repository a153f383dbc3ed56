using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurableWork : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "work_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ActiveDedupeKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OrderingKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SmartItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LinkId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    SkippedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RerunRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailureMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastFailureCategory = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_work_items", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_ActiveDedupeKey",
                table: "work_items",
                column: "ActiveDedupeKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_work_items_LinkId",
                table: "work_items",
                column: "LinkId");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_OrderingKey_Id",
                table: "work_items",
                columns: new[] { "OrderingKey", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_SmartItemId",
                table: "work_items",
                column: "SmartItemId");

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Status_LastFailureCategory",
                table: "work_items",
                columns: new[] { "Status", "LastFailureCategory" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Status_LeaseExpiresAt",
                table: "work_items",
                columns: new[] { "Status", "LeaseExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_work_items_Status_NextAttemptAt",
                table: "work_items",
                columns: new[] { "Status", "NextAttemptAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "work_items");
        }
    }
}
