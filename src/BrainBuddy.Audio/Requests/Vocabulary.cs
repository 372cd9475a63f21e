namespace BrainBuddy.Audio.Requests;

// Sent as lower snake_case strings ("pink_noise") by the API's JSON options.

/// <summary>What one voice of a timeline plays.</summary>
public enum VoiceKind
{
    /// <summary>Left ear hears the carrier, right ear the carrier plus the beat.</summary>
    Binaural,

    /// <summary>Both tones summed in both ears, so the beat is acoustic rather than perceived.</summary>
    Monaural,

    /// <summary>The carrier switched on and off at the beat rate with raised-cosine edges.</summary>
    Isochronic,

    WhiteNoise,

    /// <summary>About -3 dB per octave.</summary>
    PinkNoise,

    /// <summary>About -6 dB per octave.</summary>
    BrownNoise,
}

/// <summary>How a segment moves its frequencies from the start values to the end values.</summary>
public enum SlideShape
{
    Linear,

    /// <summary>Raised-cosine ease-in/ease-out: the frequency leaves and reaches its targets with zero slope.</summary>
    Smooth,
}

/// <summary>Background noise for the simple binaural request.</summary>
public enum NoiseColor
{
    None,
    White,
    Pink,
    Brown,
}
