using System.Security.Cryptography;
using System.Text;

namespace BrainBuddy.Training.Personalization.Protection;

/// <summary>
/// AES-256-GCM for stored models. Blob: version (1 byte) | nonce (12) | tag (16) | ciphertext. A fresh random nonce
/// on every write; the associated data binds the blob to its <see cref="ModelSubject"/>, key id and version, so moving,
/// relabelling or editing any of them fails authentication.
/// </summary>
public sealed class ModelProtector(ModelKeyRing keys)
{
    public const byte BlobVersion = 1;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = 1 + NonceSize + TagSize;

    public string ActiveKeyId => keys.ActiveKeyId;

    /// <returns>The blob and the id of the key that encrypted it, to store beside it.</returns>
    public ProtectedBlob Protect(ReadOnlySpan<byte> plaintext, ModelSubject subject)
    {
        var keyId = keys.ActiveKeyId;
        var blob = new byte[Overhead + plaintext.Length];
        blob[0] = BlobVersion;
        var nonce = blob.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.ActiveKey, TagSize);
        aes.Encrypt(nonce, plaintext, blob.AsSpan(Overhead), blob.AsSpan(1 + NonceSize, TagSize), AssociatedData(subject, keyId, BlobVersion));
        return new ProtectedBlob(blob, keyId);
    }

    /// <exception cref="ModelDecryptionException">Unknown key, wrong subject, tampered or truncated blob.</exception>
    public byte[] Unprotect(byte[] blob, string keyId, ModelSubject subject)
    {
        if (blob.Length < Overhead || blob[0] != BlobVersion)
        {
            throw new ModelDecryptionException($"The {subject} model blob is truncated or of an unknown format.");
        }

        if (!keys.TryGetKey(keyId, out var key))
        {
            throw new ModelDecryptionException($"The {subject} model was encrypted with key '{keyId}', which is not configured.");
        }

        var plaintext = new byte[blob.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(blob.AsSpan(1, NonceSize), blob.AsSpan(Overhead), blob.AsSpan(1 + NonceSize, TagSize), plaintext, AssociatedData(subject, keyId, blob[0]));
            return plaintext;
        }
        catch (CryptographicException exception)
        {
            throw new ModelDecryptionException($"The {subject} model blob failed authentication under key '{keyId}'.", exception);
        }
    }

    /// <summary>The same plaintext under the active key with a fresh nonce; the plaintext never leaves this method.</summary>
    /// <exception cref="ModelDecryptionException">The blob cannot be decrypted under <paramref name="keyId"/>.</exception>
    public ProtectedBlob Reprotect(byte[] blob, string keyId, ModelSubject subject)
    {
        var plaintext = Unprotect(blob, keyId, subject);
        try
        {
            return Protect(plaintext, subject);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private static byte[] AssociatedData(ModelSubject subject, string keyId, byte version) =>
        Encoding.UTF8.GetBytes($"brainbuddy-model\0{version}\0{subject.Value}\0{keyId}");
}

public sealed record ProtectedBlob(byte[] Blob, string KeyId);
