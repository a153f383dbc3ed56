using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ZohoJira.Core.Security;

namespace ZohoJira.Core.Persistence;

/// <summary>Like <see cref="SecretConverter"/>, for a column that older versions stored in plain text: a plain value is
/// read as it is (and encrypted the next time the row is saved), a protected one is decrypted.</summary>
internal sealed class LegacyPlainSecretConverter(SecretProtector protector) : ValueConverter<string?, string>(
    plaintext => protector.Protect(plaintext!),
    stored => stored.StartsWith(SecretProtector.Prefix, StringComparison.Ordinal) ? protector.Unprotect(stored) : stored);
