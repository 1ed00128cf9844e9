import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/*
 * docs/examples/organisation-audit.yml builds flowaudit once and shares the package: every job that runs
 * flowaudit waits for the build, downloads its package and installs it before the first step that runs it,
 * and nothing is fetched from a registry by name or built again; the build job itself builds once.
 */

interface Step { uses?: string; run?: string; with?: Record<string, unknown> }
interface Job { needs?: string | string[]; steps: Step[] }
const text = readFileSync(new URL('../../docs/examples/organisation-audit.yml', import.meta.url), 'utf8');
const workflow = parse(text) as { jobs: Record<string, Job> };

describe('the organisation workflow', () => {
  it('builds flowaudit in one job and packs it as an artifact', () => {
    const build = workflow.jobs.build;
    expect(build?.steps.some((s) => s.run?.includes('npm pack'))).toBe(true);
    expect(build?.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.name).toBe('flowaudit-package');
  });

  it('builds it once: by npm pack (prepack), not also by the install (prepare) or by hand', () => {
    const commands = (workflow.jobs.build?.steps ?? []).flatMap((s) => (s.run ?? '').split('\n')).map((line) => line.replace(/#.*/, '').trim());
    const installs = commands.filter((c) => /^npm (ci|install)\b/.test(c));
    expect(installs).toHaveLength(1);
    expect(installs[0]?.split(/\s+/)).toContain('--ignore-scripts');
    expect(commands.filter((c) => /\bnpm run build\b/.test(c))).toEqual([]);
  });

  it('skips no dependency\'s own install script by --ignore-scripts: none has one', () => {
    // were one added, the build job's install would have to run it (npm rebuild) before packing
    const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    expect(Object.entries(lock.packages).filter(([, p]) => p.hasInstallScript === true).map(([name]) => name)).toEqual([]);
  });

  it('every other job installs that package before it runs flowaudit, and never builds or fetches it', () => {
    const runners = Object.entries(workflow.jobs).filter(([name]) => name !== 'build');
    expect(runners.map(([name]) => name).sort()).toEqual(['aggregate', 'audit', 'list']);
    for (const [name, job] of runners) {
      expect([job.needs].flat(), name).toContain('build');
      const first = job.steps.findIndex((s) => /\bflowaudit (report|repos|aggregate|check)\b/.test(s.run ?? ''));
      const download = job.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact') && s.with?.name === 'flowaudit-package');
      const install = job.steps.findIndex((s) => /npm install --global .*\.\/flowaudit-\*\.tgz/.test(s.run ?? ''));
      expect(first, name).toBeGreaterThan(-1);
      expect(download, name).toBeGreaterThan(-1);
      expect(install, name).toBeGreaterThan(download);
      expect(first, name).toBeGreaterThan(install);
      expect(job.steps.some((s) => /npm (ci|run build)|npx /.test(s.run ?? '')), name).toBe(false);
    }
  });
});
