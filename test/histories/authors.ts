import { buildRepo, type FixtureRepo } from '../helpers/git-fixture.js';

/**
 * Bots, CI identities, merge robots and AI agents (times UTC, 2026-03):
 *  02 10:00 a direct push by `GitHub Actions <actions@github.com>`;
 *  03 10:00 a direct push by `Gopher Robot <gobot@golang.org>`;
 *  #70 Ada's commit 04 09:00, merged 04 12:00 by `k8s-ci-robot <k8s-ci-robot@users.noreply.github.com>`;
 *  #71 a squash 05 10:00 authored by GitHub's Copilot coding agent;
 *  06 10:00 Ada's push with `Claude-Generated-By: Claude Code`;
 *  07 10:00 Ada's push co-authored by a person called `Claude Shannon`;
 *  08 10:00 Ada's push with `Co-authored-by: Copilot <…>`.
 * Truth: the first two are bots (left out); #70 is Ada's and no bot; #71 counts and is AI-assisted (its author);
 *  the 06 and 08 pushes are AI-assisted, the 07 one is not.
 */
export function authors(): FixtureRepo {
  return buildRepo([
    { commit: 'initial commit', at: '2026-03-01T00:00:00Z' },
    { commit: 'chore: update generated files', author: 'GitHub Actions <actions@github.com>', at: '2026-03-02T10:00:00Z' },
    { commit: 'all: upgrade go directive [generated]', author: 'Gopher Robot <gobot@golang.org>', at: '2026-03-03T10:00:00Z' },
    { branch: 'p70' },
    { commit: 'seventy', on: 'p70', at: '2026-03-04T09:00:00Z' },
    { merge: 'p70', at: '2026-03-04T12:00:00Z', message: 'Merge pull request #70 from ada/p70\n\nAdd seventy', author: 'k8s-ci-robot <k8s-ci-robot@users.noreply.github.com>' },
    { commit: 'Add seventy-one (#71)', on: 'main', author: 'Copilot <198982749+Copilot@users.noreply.github.com>', at: '2026-03-05T10:00:00Z' },
    { commit: 'Add a parser\n\nClaude-Generated-By: Claude Code (claude-opus-4)', at: '2026-03-06T10:00:00Z' },
    { commit: 'Add a proof\n\nCo-authored-by: Claude Shannon <claude@example.com>', at: '2026-03-07T10:00:00Z' },
    { commit: 'Add a lexer\n\nCo-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>', at: '2026-03-08T10:00:00Z' },
  ]);
}
