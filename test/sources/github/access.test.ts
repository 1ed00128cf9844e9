import { describe, expect, it } from 'vitest';
import { gitHubAccess } from '../../../src/sources/github/access.js';
import type { RemoteName } from '../../../src/sources/git/remote.js';

const remote = (host: string): RemoteName => ({ host, owner: 'acme', name: 'app' });

/** What GitHub mode would be given (its API URL and token), and what it warned. */
async function access(on: RemoteName | null, options: { repo?: string; apiUrl?: string }, env: NodeJS.ProcessEnv) {
  const warnings: string[] = [];
  const result = await gitHubAccess({ ...options, env }, on, (w) => warnings.push(w));
  return { to: result === null ? null : `${result.apiUrl} ${result.token}`, warnings };
}

describe('tokens are bound to hosts, as the gh CLI binds them', () => {
  it('GH_TOKEN goes to api.github.com for a github.com remote', async () => {
    expect((await access(remote('github.com'), {}, { GH_TOKEN: 'dotcom' })).to).toBe('https://api.github.com/graphql dotcom');
  });

  it('a remote host merely containing "github" gets no token, and the user is told why', async () => {
    const r = await access(remote('github.evil.example'), {}, { GH_TOKEN: 'dotcom', GH_ENTERPRISE_TOKEN: 'ent' });
    expect(r.to).toBeNull();
    expect(r.warnings).toEqual([
      'origin is on github.evil.example, not github.com: no token is sent there unless you name the host; for GitHub Enterprise set GH_HOST=github.evil.example and GH_ENTERPRISE_TOKEN (git only for now)',
    ]);
  });

  it('an enterprise host named by GH_HOST gets GH_ENTERPRISE_TOKEN, never GH_TOKEN', async () => {
    const env = { GH_HOST: 'ghe.example.com', GH_TOKEN: 'dotcom', GH_ENTERPRISE_TOKEN: 'ent' };
    expect((await access(remote('ghe.example.com'), {}, env)).to).toBe('https://ghe.example.com/api/graphql ent');
    const onlyDotCom = await access(remote('ghe.example.com'), {}, { GH_HOST: 'ghe.example.com', GH_TOKEN: 'dotcom' });
    expect(onlyDotCom.to).toBeNull();
    expect(onlyDotCom.warnings[0]).toMatch(/^no token for ghe\.example\.com: GH_TOKEN and GITHUB_TOKEN are sent to github\.com only/);
  });

  it('GH_HOST naming another host than the remote does not bless the remote', async () => {
    expect((await access(remote('github.evil.example'), {}, { GH_HOST: 'ghe.example.com', GH_ENTERPRISE_TOKEN: 'ent' })).to).toBeNull();
  });

  it('--api-url names its host: the enterprise token goes there, whatever the remote says', async () => {
    const env = { GH_TOKEN: 'dotcom', GITHUB_ENTERPRISE_TOKEN: 'ent' };
    expect((await access(remote('github.com'), { apiUrl: 'https://ghe.example.com/api/graphql' }, env)).to).toBe('https://ghe.example.com/api/graphql ent');
    expect((await access(remote('github.com'), { apiUrl: 'https://api.github.com/graphql' }, env)).to).toBe('https://api.github.com/graphql dotcom');
  });

  it('--repo without a remote reads github.com, or the host GH_HOST names', async () => {
    expect((await access(null, { repo: 'acme/app' }, { GH_TOKEN: 'dotcom' })).to).toBe('https://api.github.com/graphql dotcom');
    expect((await access(null, { repo: 'acme/app' }, { GH_HOST: 'ghe.example.com', GH_TOKEN: 'dotcom', GH_ENTERPRISE_TOKEN: 'ent' })).to).toBe('https://ghe.example.com/api/graphql ent');
  });

  it('a remote that is not GitHub at all is git only, quietly', async () => {
    expect(await access(remote('gitlab.com'), {}, { GH_TOKEN: 'dotcom' })).toEqual({ to: null, warnings: [] });
  });
});
