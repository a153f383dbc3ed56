using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ZohoJira.Core.Persistence;

/// <summary>The compiled model holds the secret converter, which holds one application's protector. Keying the model cache
/// on the protector keeps two hosts in one process (tests, a second instance) from decrypting with each other's keys.</summary>
internal sealed class SecretAwareModelCacheKeyFactory : IModelCacheKeyFactory
{
    public object Create(DbContext context, bool designTime) =>
        context is ZohoJiraDbContext zj
            ? (context.GetType(), zj.Secrets, designTime)
            : (object)(context.GetType(), designTime);
}
