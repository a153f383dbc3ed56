using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CommentAndAttachmentLedgers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "attachment_mirrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LinkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ZohoAttachmentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ZohoThreadId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    JiraAttachmentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WorkItemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_attachment_mirrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_attachment_mirrors_links_LinkId",
                        column: x => x.LinkId,
                        principalTable: "links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "comment_mirrors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    LinkId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ZohoCommentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    JiraCommentId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "datetime2", nullable: false),
                    WorkItemId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_comment_mirrors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_comment_mirrors_links_LinkId",
                        column: x => x.LinkId,
                        principalTable: "links",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_attachment_mirrors_LinkId_JiraAttachmentId",
                table: "attachment_mirrors",
                columns: new[] { "LinkId", "JiraAttachmentId" },
                unique: true,
                filter: "[JiraAttachmentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_attachment_mirrors_LinkId_ZohoAttachmentId",
                table: "attachment_mirrors",
                columns: new[] { "LinkId", "ZohoAttachmentId" },
                unique: true,
                filter: "[ZohoAttachmentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_comment_mirrors_LinkId_JiraCommentId",
                table: "comment_mirrors",
                columns: new[] { "LinkId", "JiraCommentId" },
                unique: true,
                filter: "[JiraCommentId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_comment_mirrors_LinkId_ZohoCommentId",
                table: "comment_mirrors",
                columns: new[] { "LinkId", "ZohoCommentId" },
                unique: true,
                filter: "[ZohoCommentId] IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attachment_mirrors");

            migrationBuilder.DropTable(
                name: "comment_mirrors");
        }
    }
}
