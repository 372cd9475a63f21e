using System.Text;
using BrainBuddy.Training.Personalization.Features;

namespace BrainBuddy.Training.Personalization.Models;

/// <summary>
/// A user's fitted model and what serving needs beside it: sessions per exposure cell (for the blend weight and
/// the uncertainty), the shrinkage it was trained under, and the fingerprint of its training data.
/// <see cref="Save"/> bytes are what gets encrypted into user_models.model_weights.
/// </summary>
public sealed class PersonalModel
{
    private readonly int[] sessionsPerCell;
    private readonly byte[] fingerprint;

    internal PersonalModel(EffectivenessModel model, int[] sessionsPerCell, ShrinkageEstimate? shrinkage, byte[] fingerprint)
    {
        if (sessionsPerCell.Length != ExposureCells.Count)
        {
            throw new InvalidDataException($"Expected {ExposureCells.Count} exposure cells, found {sessionsPerCell.Length}.");
        }

        Model = model;
        this.sessionsPerCell = sessionsPerCell;
        Shrinkage = shrinkage;
        this.fingerprint = fingerprint;
    }

    public EffectivenessModel Model { get; }

    /// <summary>Null while neither the population nor the user's own sessions allow an estimate: the blend then keeps the level below.</summary>
    public ShrinkageEstimate? Shrinkage { get; }

    public ReadOnlySpan<byte> Fingerprint => fingerprint;

    public int SessionsIn(int cell) => sessionsPerCell[cell];

    /// <summary>The empirical-Bayes weight n/(n+k) of this model against the level below, for one exposure cell.</summary>
    public double PersonalWeight(int cell) => Shrinkage?.PersonalWeight(sessionsPerCell[cell]) ?? 0;

    public byte[] Save(EffectivenessLearner learner)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            PayloadFormat.WriteHeader(writer, PayloadKind.Personal);
            writer.Write(fingerprint.Length);
            writer.Write(fingerprint);
            writer.Write(sessionsPerCell.Length);
            foreach (var count in sessionsPerCell)
            {
                writer.Write(count);
            }

            PayloadFormat.WriteShrinkage(writer, Shrinkage);
            PayloadFormat.WriteModel(writer, learner.Save(Model));
        }

        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The bytes are not a personal model of this feature layout.</exception>
    public static PersonalModel Load(byte[] bytes, EffectivenessLearner learner)
    {
        var header = ReadHeader(bytes, out var shrinkage, out var counts, out var model);
        return new PersonalModel(learner.Load(model), counts, shrinkage, header);
    }

    /// <summary>The fingerprint alone, without loading the ML.NET model: enough to decide whether a retrain is due.</summary>
    public static byte[] ReadFingerprint(byte[] bytes) => ReadHeader(bytes, out _, out _, out _);

    private static byte[] ReadHeader(byte[] bytes, out ShrinkageEstimate? shrinkage, out int[] counts, out ArraySegment<byte> model)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false));
        try
        {
            PayloadFormat.ReadHeader(reader, PayloadKind.Personal);
            var fingerprint = reader.ReadBytes(reader.ReadInt32());
            counts = new int[reader.ReadInt32()];
            for (var i = 0; i < counts.Length; i++)
            {
                counts[i] = reader.ReadInt32();
            }

            shrinkage = PayloadFormat.ReadShrinkage(reader);
            model = PayloadFormat.ReadModel(reader, bytes);
            return fingerprint;
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("The personal model payload is truncated.", exception);
        }
    }
}
