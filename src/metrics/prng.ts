/**
 * A small seeded pseudo-random generator (mulberry32: 32-bit state, period 2^32) and the few distributions the
 * bootstrap draws from, so every resampling is repeatable and the JSON report stays byte-identical between
 * runs. Not for anything secret.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = mulberryStep(state);
    return mulberryOutput(state);
  };
}

/** mulberry32's next state: a loop that draws millions of uniforms keeps its state in a local and calls these two, which V8 inlines. */
export const mulberryStep = (state: number): number => (state + 0x6d2b79f5) >>> 0;

/** mulberry32's uniform on [0, 1) for a state. */
export function mulberryOutput(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface Random {
  /** uniform on [0, 1) */
  uniform(): number;
  /** Beta(a, b) for a, b ≥ 1 */
  beta(a: number, b: number): number;
  /** draws of Beta(a, b), a and b ≥ 1, from the same stream as `beta(a, b)` would make them: the shapes' constants worked out once */
  betaOf(a: number, b: number): () => number;
}

/**
 * Marsaglia and Tsang's squeeze, 1 − 0.0331 x⁴, a lower bound of exp(x²/2 + d − dv + d ln v) for every shape of
 * at least 1, less a margin far above the rounding of that sum's terms (each about d, so its error is about
 * d × 2⁻⁵² ≈ 10⁻¹⁰ for a million values): where u is below it, u is below the exponential by more than any
 * rounding can reverse, and the logarithms' test accepts.
 */
export function squeeze(x: number): number {
  const xx = x * x;
  return 1 - 0.0331 * xx * xx - SQUEEZE_MARGIN;
}

const SQUEEZE_MARGIN = 1e-6;

/** Uniform, normal, gamma and beta draws from one mulberry32 stream. */
export function seededRandom(seed: number): Random {
  const uniform = mulberry32(seed);
  // Box–Muller; 1 − u keeps the logarithm away from 0
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  // Marsaglia and Tsang (2000), "A simple method for generating gamma variables", for shape ≥ 1
  const gammaOf = (shape: number): (() => number) => {
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    return () => {
      for (;;) {
        const x = normal();
        const v = (1 + c * x) ** 3;
        if (v <= 0) continue;
        const u = 1 - uniform();
        // their squeeze, which spares the two logarithms almost every time, kept SQUEEZE_MARGIN inside its
        // bound: what it accepts the logarithms would accept too, computed as they are, so the draws are theirs
        if (u < squeeze(x)) return d * v;
        if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
      }
    };
  };
  const betaOf = (a: number, b: number): (() => number) => {
    const ga = gammaOf(a);
    const gb = gammaOf(b);
    return () => {
      const x = ga();
      return x / (x + gb());
    };
  };
  return { uniform, beta: (a, b) => betaOf(a, b)(), betaOf };
}
