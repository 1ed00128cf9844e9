import type { Tester } from '../patterns.js';

/**
 * What makes a name or an address automation's (SPEC section 1), before the AI catalogue has its say: `bots.ts`
 * puts the two together, since an AI agent is never a bot.
 */

// logins and names of dependency updaters, merge services, translation services (Weblate commits its merges and
// cleanups as `Weblate <noreply@weblate.org>`: 43 of Radarr's changes of a year), release tooling (microsoft/rushstack
// publishes as `Rushbot`, whose "Bump versions [skip ci]" pushes, 242 of its 583 changes of a year, read as the
// other changes' p50 lead time of 2 minutes beside the AI-assisted ones'), backport bots (MeeseeksDev commits its
// backports as `Lumberbot (aka Jack)` from its `meeseeksmachine` account: 41 of jupyterlab 4.6.x's 98 changes of
// three months read as a person's) and CI identities (argo-cd's Snyk reports are pushed as `CI <ci@argoproj.com>` and
// squashed by github-actions: 45 of its changes of a year to August 2026, `[Bot] docs: Update Snyk report`, read as a
// person's), `CI` alone by name or mailbox
const BOT_NAMES = /\[bot\]|^ci$|^(dependabot|renovate|mend renovate|greenkeeper|snyk-bot|github-actions|mergify|pre-commit-ci|allcontributors|k8s-ci-robot|gopher robot|(?:hosted )?weblate|rushbot|lumberbot|meeseeksmachine)\b/i;
// "Gopher Robot", "k8s-ci-robot", "release_bot"; "RenovateBot", "ImgBot"; one-word handles such as "rustbot";
// "Syncthing Release Automation", whose translation and docs pushes were 48 of syncthing's 282 changes of a year;
// "Houston (Bot)", withastro/astro's GitHub App, whose `[ci] release` pull requests and `[ci] format` pushes were
// 51 of its 481 changes of the three months to 2026-08-23 (it also opened its AI agent's pull requests: `byAgent` in
// changes.ts makes those the agent's). Case matters for the second form: a surname such as "Talbot" is not a bot
const BOT_SUFFIX = [/[\s._-](?:ro)?bot$/i, /[a-z0-9](?:Bot|Robot)$/, /^[a-z0-9_.-]*bot$/, /[\s._-]automation$/i, /\((?:ro)?bot\)$/i];
// CI identities by email: GitHub Actions' own address, `*-bot@` / `*.bot@` mailboxes and a bare `bot@` (Renovate's
// app commits as `Mend Renovate <bot@renovateapp.com>`: 29 of opentelemetry-js-contrib's changes of its year to
// 2025-08-20, read as people's)
const BOT_EMAIL = /^(actions@github\.com|(?:[^@\s]*[-._])?bot@\S*)$/i;
// a CI server's own name, by name only: eslint's releases are pushed as `Jenkins <jenkins@eslint-03>` (its
// `Build: changelog update for 10.9.0` before each tagged `10.9.0`, 46 of its year's changes, read as people's with a
// lead time of seconds), where a mailbox `jenkins@` may be a person's surname
const CI_NAMES = /^jenkins$/i;
// a "bot" or "robot" word anywhere in a handle: "release-bot-gpt", "gemini-cli-robot"
const BOT_WORD = /(?:^|[\s._-])(?:ro)?bot(?:[\s._-]|$)/i;

/**
 * Whether a name or email is automation's by its shape: a known bot name or login, a CI identity by name or
 * email, or a match of the configured pattern (`extra`, tested on the name, the email's local part and the whole
 * email). Says nothing of AI agents: `isBot` does.
 */
export function botByName(name: string, email: string, extra: Tester | null = null): boolean {
  const local = email.replace(/@.*$/, '').replace(/^\d+\+/, '');
  if ([name, local].some((s) => BOT_NAMES.test(s) || (extra !== null && extra.test(s)))) return true;
  if (extra !== null && extra.test(email)) return true;
  const trimmed = name.trim();
  if (CI_NAMES.test(trimmed)) return true;
  return BOT_SUFFIX.some((pattern) => pattern.test(trimmed)) || BOT_EMAIL.test(email.trim());
}

/**
 * Whether a co-author looks like automation: a bot by its shape, or a handle with a "bot" word anywhere in it. A
 * co-author that looks so names an AI tool only by a signature of its own (a known AI app), never by a tool's
 * word in its name: a release bot named for a model is not one.
 */
export function looksLikeBot(name: string, email: string): boolean {
  const local = email.replace(/@.*$/, '').replace(/^\d+\+/, '');
  return botByName(name, email) || BOT_WORD.test(name.trim()) || BOT_WORD.test(local);
}
