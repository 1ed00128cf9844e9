import { describe, expect, it } from 'vitest';
import { byteBatches } from '../../src/io/chunks.js';
import { writeStdout } from '../../src/io/stdout.js';

describe('byteBatches', () => {
  it('writes the UTF-8 of the pieces joined, in batches of at least 64 KiB but the last', () => {
    // 3-byte and 4-byte characters in every piece: encoded piece by piece, none is cut between two batches
    const pieces = Array.from({ length: 3000 }, (_, i) => `{"title": "Fix ✓ ${i} 🚀", "n": ${i}},\n`);
    const batches = [...byteBatches(pieces)];
    expect(Buffer.concat(batches).toString('utf8')).toBe(pieces.join(''));
    expect(Buffer.concat(batches).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches.slice(0, -1)) expect(batch.length).toBeGreaterThanOrEqual(1 << 16);
    // not all in one: each batch goes out once it holds 64 KiB
    for (const batch of batches) expect(batch.length).toBeLessThan((1 << 16) + 200);
  });

  it('skips empty pieces and writes nothing for an empty report', () => {
    expect([...byteBatches(['', '', ''])]).toEqual([]);
    expect([...byteBatches('')]).toEqual([]);
    expect(Buffer.concat([...byteBatches(['a', '', 'é'])]).toString('utf8')).toBe('aé');
  });
});

describe('writeStdout', () => {
  it('hands stdout the report byte for byte, waiting for each write to be taken', async () => {
    const taken: Buffer[] = [];
    let waiting = 0;
    const out = {
      write: (chunk: string | Uint8Array, done?: (error?: Error | null) => void) => {
        // a write before the previous one was taken would be a stream's buffer growing unbounded
        expect(waiting).toBe(0);
        waiting++;
        taken.push(Buffer.from(chunk));
        setImmediate(() => {
          waiting--;
          done?.();
        });
        return false;
      },
    };
    const pieces = Array.from({ length: 5000 }, (_, i) => `line ${i} — ünïcode\n`);
    await writeStdout(out, pieces);
    expect(Buffer.concat(taken).toString('utf8')).toBe(pieces.join(''));
  });
});
