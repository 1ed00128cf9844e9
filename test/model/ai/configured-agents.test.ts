import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileCatalogue } from '../../../src/model/ai/compile.js';
import { isBot } from '../../../src/model/bots.js';
import { buildRepo, lines } from '../../helpers/git-fixture.js';
import { runCli } from '../../helpers/cli-run.js';

const WINDOW = ['--since', '2026-03-01', '--until', '2026-04-01', '--now', '2026-04-01T00:00:00Z', '--no-github'];
const day = (d: number): string => `2026-03-${String(d).padStart(2, '0')}T12:00:00Z`;

// A team's own agent is no entry of the built-in catalogue: vercel/ai's AI SDK Factory (105 pull requests in a
// quarter) read as a bot's and was left out of every figure until the catalogue learned it. `ai.agents` lets a
// user say so for an agent of their own, by its login, app or address.
describe('the config\'s ai.agents: a team\'s own agent is an agent, never a bot', () => {
  const repo = buildRepo([
    { commit: 'feat: a person\'s change (#20)', authorAt: day(9), at: day(10), files: { 'a.txt': lines(3) } },
    // the agent's app squashes its own pull request
    { commit: 'fix: the agent\'s fix (#21)', author: 'acme-agent[bot] <99+acme-agent[bot]@users.noreply.github.com>', authorAt: day(11), at: day(12), files: { 'b.txt': lines(3) } },
    // the agent commits from the team's own domain, under a name of its own: its address names it
    { commit: 'fix: the runner\'s fix (#22)', author: 'Nightly Runner <agent@acme.dev>', authorAt: day(13), at: day(14), files: { 'c.txt': lines(3) } },
    // a person's change the agent co-authored
    { commit: 'feat: a person\'s change with the agent (#23)\n\nCo-authored-by: acme-agent <77+acme-agent@users.noreply.github.com>', authorAt: day(15), at: day(16), files: { 'd.txt': lines(3) } },
    // a person whose name starts like the agent's is no agent
    { commit: 'docs: a person (#24)', author: 'acme-agentson <ann@acme.dev>', authorAt: day(17), at: day(18), files: { 'e.txt': lines(3) } },
    { commit: 'chore(deps): bump x (#25)', author: 'dependabot[bot] <support@github.com>', authorAt: day(19), at: day(20), files: { 'package.json': lines(2) } },
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'flowaudit-agents-'));
  const config = join(dir, 'flowaudit.json');
  writeFileSync(config, JSON.stringify({ ai: { agents: ['acme-agent', 'agent@acme.dev'] } }));
  afterAll(() => {
    repo.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const report = async (more: string[]) => {
    const { code, stdout, stderr } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json', ...more]);
    expect(stderr).not.toMatch(/Error|at .*\.js/);
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout);
    return { summary: parsed.summary, byNumber: (n: number) => parsed.changes.find((c: { number: number }) => c.number === n) };
  };

  it('without it, the agent\'s app is a bot and its address a person', async () => {
    const { byNumber, summary } = await report([]);
    expect(byNumber(21)).toMatchObject({ bot: true, counted: false, aiAssisted: false });
    expect(byNumber(22)).toMatchObject({ bot: false, aiAssisted: false });
    expect(byNumber(23)).toMatchObject({ aiAssisted: false });
    expect(summary.excluded.bots).toBe(2);
  });

  it('with it, the app\'s and the address\'s changes are agent work and a co-authored one assisted', async () => {
    const { byNumber, summary } = await report(['--config', config]);
    expect(byNumber(21)).toMatchObject({ bot: false, counted: true, aiAssisted: true, aiStrength: 'agent', aiTools: ['configured'] });
    expect(byNumber(22)).toMatchObject({ bot: false, aiAssisted: true, aiStrength: 'agent', aiTools: ['configured'] });
    expect(byNumber(23)).toMatchObject({ aiAssisted: true, aiStrength: 'assisted', aiTools: ['configured'] });
    expect(byNumber(24)).toMatchObject({ aiAssisted: false });
    expect(byNumber(25)).toMatchObject({ bot: true, counted: false });
    expect(summary.excluded.bots).toBe(1);
    expect(summary.ai).toMatchObject({ assisted: 3, agent: 2 });
  });

  it.each([['acme agent <x>'], [''], [1]])('refuses %j, neither a login nor an address, in one line naming the field', async (entry) => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ai: { agents: [entry] } }));
    const { code, stdout, stderr } = await runCli(['report', repo.dir, ...WINDOW, '-f', 'json', '--config', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`flowaudit: config ${bad}: ai.agents[0] must be a GitHub login like "acme-agent" or "acme-agent[bot]", or an email address like "agent@acme.dev"\n`);
  });
});

describe('a configured agent in the catalogue', () => {
  const ai = compileCatalogue({ agents: ['acme-agent[bot]', 'Agent@Acme.dev'] });

  it('is a pull request\'s author as an app or an account, in any case', () => {
    expect(ai.pullAuthor('acme-agent', true)).toMatchObject({ tool: 'configured', strength: 'agent' });
    expect(ai.pullAuthor('Acme-Agent', false)).toMatchObject({ tool: 'configured', strength: 'agent' });
    expect(ai.pullAuthor('acme-agents', false)).toBeNull();
  });

  it('is never a bot, where the built-in catalogue leaves the same login a bot', () => {
    expect(isBot('acme-agent[bot]', '', null, ai)).toBe(false);
    expect(isBot('acme-agent[bot]', '', null)).toBe(true);
    expect(isBot('Builder', 'agent@acme.dev', null, ai)).toBe(false);
    expect(isBot('dependabot[bot]', '', null, ai)).toBe(true);
  });

  it('names a co-author by its address, and a sign-off only by it', () => {
    expect(ai.message('x\n\nCo-authored-by: Someone <agent@acme.dev>')).toMatchObject([{ tool: 'configured', strength: 'assisted' }]);
    expect(ai.message('x\n\nSigned-off-by: acme-agent <me@example.com>')).toEqual([]);
    expect(ai.message('x\n\nSigned-off-by: Someone <agent@acme.dev>')).toMatchObject([{ tool: 'configured' }]);
  });

  it('leaves the built-in catalogue as it was', () => {
    expect(compileCatalogue().pullAuthor('acme-agent', true)).toBeNull();
  });
});
