using BrainBuddy.Data.Audit;
using BrainBuddy.Data.Habits;
using BrainBuddy.Data.Knowledge;
using BrainBuddy.Data.Sessions;
using BrainBuddy.Data.Storage.Transfer;
using BrainBuddy.Data.UserModels;
using BrainBuddy.Data.Users;

namespace BrainBuddy.Data.Storage;

/// <summary>One backend: all repositories over one database. Chosen once, in <c>AddBrainBuddyData</c>.</summary>
public interface IStorage : IDataStore, IDisposable, IAsyncDisposable
{
    IUserRepository Users { get; }

    IRoleRepository Roles { get; }

    ISessionRepository Sessions { get; }

    IHabitRepository Habits { get; }

    IKnowledgeRepository Knowledge { get; }

    IUserModelRepository UserModels { get; }

    IAuditRepository Audit { get; }

    /// <summary>Every collection as raw BSON, for export and import between backends.</summary>
    IRawDocuments Documents { get; }
}
