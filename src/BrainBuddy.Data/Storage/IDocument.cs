namespace BrainBuddy.Data.Storage;

/// <summary>Every stored document: a 24-hex id (an ObjectId in MongoDB) and its audit times.</summary>
public interface IDocument
{
    string Id { get; set; }

    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}

/// <summary>A document that belongs to one user; every repository call on it is filtered by that user.</summary>
public interface IUserOwnedDocument : IDocument
{
    string UserId { get; set; }
}
