namespace BrainBuddy.Audio.Synthesis;

/// <summary>
/// Double-precision helpers on angles measured in cycles (1 = one full turn).
/// Math.Sin comes from the platform's C runtime and may differ in the last bit between hosts; strong ETags promise
/// identical bytes from every server, so the few double-precision sines the synthesis needs come from here.
/// </summary>
internal static class CycleMath
{
    private const double TwoPi = 2 * Math.PI;

    /// <summary>The fractional part, in [0, 1).</summary>
    public static double Frac(double cycles) => cycles - Math.Floor(cycles);

    public static (double Sin, double Cos) SinCos(double cycles)
    {
        // Reducing by whole quarter turns is exact in cycles, unlike reducing radians by an inexact pi/2.
        var quarters = Math.Round(cycles * 4);
        var angle = (cycles - (quarters / 4)) * TwoPi;
        var square = angle * angle;

        // Taylor series on |angle| <= pi/4: the first omitted terms are below 1e-17.
        var sin = angle * (1 + (square * (-1.0 / 6 + (square * (1.0 / 120 + (square * (-1.0 / 5040 + (square * (1.0 / 362880
            + (square * (-1.0 / 39916800 + (square * (1.0 / 6227020800 + (square * (-1.0 / 1307674368000)))))))))))))));
        var cos = 1 + (square * (-1.0 / 2 + (square * (1.0 / 24 + (square * (-1.0 / 720 + (square * (1.0 / 40320
            + (square * (-1.0 / 3628800 + (square * (1.0 / 479001600 + (square * (-1.0 / 87178291200 + (square / 20922789888000)))))))))))))));

        return ((long)quarters & 3) switch
        {
            0 => (sin, cos),
            1 => (cos, -sin),
            2 => (-sin, -cos),
            _ => (-cos, sin),
        };
    }
}
