import { describe, expect, it } from 'vitest';
import { isAiAgent, isBot } from '../../src/model/bots.js';

describe('bots', () => {
  it('knows dependency updaters, [bot] logins and CI identities by name or email', () => {
    const bots: Array<[string, string]> = [
      ['dependabot[bot]', '49699333+dependabot[bot]@users.noreply.github.com'],
      ['renovate[bot]', 'bot@renovateapp.com'],
      ['GitHub Actions', 'actions@github.com'],
      ['github-actions[bot]', '41898282+github-actions[bot]@users.noreply.github.com'],
      ['Gopher Robot', 'gobot@golang.org'],
      ['k8s-ci-robot', 'k8s-ci-robot@users.noreply.github.com'],
      ['Release Tooling', 'release-bot@example.com'],
      ['RenovateBot', 'renovate@example.com'],
      ['rustbot', 'rustbot@example.com'],
      // Radarr's translation merges and cleanups
      ['Weblate', 'noreply@weblate.org'],
      ['Hosted Weblate', 'hosted@weblate.org'],
      // microsoft/rushstack's publishing identity: a capital and no separator, as a surname would be written
      ['Rushbot', 'rushbot@users.noreply.github.com'],
      // syncthing's pushes of translations, docs and contributors
      ['Syncthing Release Automation', 'release@syncthing.net'],
      ['docs-automation', 'docs@example.com'],
      // withastro/astro's GitHub App: its release pull requests and formatting pushes
      ['Houston (Bot)', '108291165+astrobot-houston@users.noreply.github.com'],
      // Renovate's app, as it commits on opentelemetry-js-contrib: by its name, and by its bare `bot@` mailbox
      ['Mend Renovate', 'bot@renovateapp.com'],
      ['Dependency Updates', 'bot@example.com'],
      // MeeseeksDev's backports on jupyterlab's 4.6.x: its name, and its account
      ['Lumberbot (aka Jack)', '39504233+meeseeksmachine@users.noreply.github.com'],
      ['Backports', '39504233+meeseeksmachine@users.noreply.github.com'],
      // argo-cd's Snyk report pushes: `CI` by name, and by its bare mailbox
      ['CI', 'michael@crenshaw.dev'],
      ['Report Pusher', 'ci@argoproj.com'],
      // eslint's release pushes: a CI server by its own name
      ['Jenkins', 'jenkins@eslint-03'],
    ];
    expect(bots.filter(([name, email]) => !isBot(name, email))).toEqual([]);
  });

  it('does not take people for bots', () => {
    const people: Array<[string, string]> = [['Weblates Fan', 'fan@example.com'], ['Jane Talbot', 'jane@example.com'], ['Abbot Smith', 'abbot@example.com'], ['Roberta Botha', 'rb@example.com'], ['Ada Lovelace', 'ada@example.com'], ['Automation Jones', 'aj@example.com'], ['Mend Jones', 'mend@renovateapp.com'], ['Ci Wang', 'ci.wang@example.com'], ['Cian Byrne', 'cian@example.com'], ['Mark Jenkins', 'jenkins@example.com']];
    expect(people.filter(([name, email]) => isBot(name, email))).toEqual([]);
  });

  it('does not take AI coding agents for bots', () => {
    const agents: Array<[string, string]> = [
      ['claude[bot]', '209825114+claude[bot]@users.noreply.github.com'],
      ['copilot-swe-agent[bot]', '198982749+Copilot@users.noreply.github.com'],
      ['Copilot', '198982749+Copilot@users.noreply.github.com'],
      ['devin-ai-integration[bot]', '158243242+devin-ai-integration[bot]@users.noreply.github.com'],
      ['Cursor Agent', 'cursoragent@cursor.com'],
      ['chatgpt-codex-connector[bot]', ''],
    ];
    expect(agents.filter(([name, email]) => isBot(name, email) || !isAiAgent(name, email))).toEqual([]);
    // a person called Claude is neither
    expect([isBot('Claude', 'claude@example.com'), isAiAgent('Claude', 'claude@example.com')]).toEqual([false, false]);
  });

  it('adds the configured pattern', () => {
    expect(isBot('release-train', 'train@example.com', /^release-train$/)).toBe(true);
  });
});
