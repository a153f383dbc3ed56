using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActivityZohoRecordIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_activity_ZohoRecordId_OccurredAt",
                table: "activity",
                columns: new[] { "ZohoRecordId", "OccurredAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_activity_ZohoRecordId_OccurredAt",
                table: "activity");
        }
    }
}
