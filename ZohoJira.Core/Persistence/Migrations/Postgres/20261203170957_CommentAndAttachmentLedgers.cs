using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ZohoJira.Core.Persistence.Migrations.Postgres
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ZohoAttachmentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ZohoThreadId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    JiraAttachmentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    FileName = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LinkId = table.Column<Guid>(type: "uuid", nullable: false),
                    Origin = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ZohoCommentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    JiraCommentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ContentHash = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_attachment_mirrors_LinkId_ZohoAttachmentId",
                table: "attachment_mirrors",
                columns: new[] { "LinkId", "ZohoAttachmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_mirrors_LinkId_JiraCommentId",
                table: "comment_mirrors",
                columns: new[] { "LinkId", "JiraCommentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_comment_mirrors_LinkId_ZohoCommentId",
                table: "comment_mirrors",
                columns: new[] { "LinkId", "ZohoCommentId" },
                unique: true);
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
