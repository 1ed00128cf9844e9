import type { Tester } from '../patterns.js';

/** Bot authors: Renovate, Dependabot, any `[bot]` login, plus a configurable pattern (SPEC section 1). */
export const DEFAULT_BOT_PATTERN = /\[bot\]|^(dependabot|renovate|greenkeeper|snyk-bot|github-actions|mergify|pre-commit-ci|allcontributors)\b/i;

export function isBot(name: string, email: string, extra: Tester | null = null): boolean {
  const local = email.replace(/@.*$/, '').replace(/^\d+\+/, '');
  return [name, local].some((s) => DEFAULT_BOT_PATTERN.test(s) || (extra !== null && extra.test(s))) ||
    (extra !== null && extra.test(email));
}
