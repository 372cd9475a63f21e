using System.ComponentModel.DataAnnotations;

namespace BrainBuddy.Data;

/// <summary>
/// Which backend to use. MongoDB when <see cref="MongoUrl"/> is set (env <c>MONGODB_URL</c>), otherwise the
/// embedded SQLite file under <see cref="DataDirectory"/> (env <c>BRAINBUDDY_DATA_DIR</c>).
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? MongoUrl { get; set; }

    [Required]
    [RegularExpression("^[A-Za-z0-9_-]{1,63}$", ErrorMessage = "MONGODB_DATABASE must be 1-63 letters, digits, '_' or '-'.")]
    public string MongoDatabase { get; set; } = "brain_buddy";

    [Required]
    public string DataDirectory { get; set; } = "data";

    /// <summary>synchronous=FULL on the embedded store: acknowledged writes survive power loss, not only a crash.</summary>
    public bool EmbeddedFullSync { get; set; } = true;

    public bool UseMongo => !string.IsNullOrWhiteSpace(MongoUrl);

    /// <summary>A file in the data directory; a relative directory is relative to where the service was started.</summary>
    public string DataPath(string fileName) => Path.GetFullPath(Path.Combine(DataDirectory, fileName));

    public string EmbeddedDatabasePath => DataPath("brainbuddy.db");
}
