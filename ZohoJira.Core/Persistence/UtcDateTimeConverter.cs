using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ZohoJira.Core.Persistence;

/// <summary>Every instant is stored as UTC <see cref="DateTime"/> (both providers can compare and sort it) and read back
/// with <see cref="DateTimeKind.Utc"/>; SQLite would otherwise return <see cref="DateTimeKind.Unspecified"/>.</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
