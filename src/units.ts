const UNITS: ReadonlyArray<readonly [string, number]> = [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]];

/**
 * Human duration with the two largest units: `3d 4h`, `45m`, `12s`; '—' for null. Input in seconds. Shared by
 * the advice rows and the renderers, so both write a duration the same way.
 */
export function formatDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '—';
  let rest = Math.round(seconds);
  if (rest <= 0) return '0s';
  const parts: string[] = [];
  for (const [i, [unit, size]] of UNITS.entries()) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
    if (parts.length === 2) break;
    // `2d 0h` says nothing `2d` does not
    if (parts.length === 1 && rest < (UNITS[i + 1]?.[1] ?? 1)) break;
  }
  return parts.join(' ');
}
