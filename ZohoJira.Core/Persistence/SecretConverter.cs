using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>Encrypts a string column on write and decrypts it on read. EF does not pass nulls to converters, so a null
/// secret stays a null column.</summary>
internal sealed class SecretConverter(SecretProtector protector) : ValueConverter<string?, string>(
    plaintext => protector.Protect(plaintext!),
    stored => protector.Unprotect(stored));
