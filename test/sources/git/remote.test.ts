import { describe, expect, it } from 'vitest';
import { mergeRequestsUrl, parseRemote, remoteHost, webUrl } from '../../../src/sources/git/remote.js';

describe('a remote\'s host', () => {
  it('is read from https, ssh and scp-style URLs whatever their path, and from no local path', () => {
    expect(remoteHost('https://go.googlesource.com/tools')).toBe('go.googlesource.com');
    expect(remoteHost('ssh://git@GitLab.example.org:2222/a/b/c.git')).toBe('gitlab.example.org');
    expect(remoteHost('git@codeberg.org:forgejo/forgejo.git')).toBe('codeberg.org');
    expect(remoteHost('/srv/git/tool.git')).toBeNull();
    expect(remoteHost('C:/repos/tool')).toBeNull();
    expect(remoteHost(null)).toBeNull();
  });
});

describe('where a remote keeps its pull and merge requests', () => {
  it('links a GitLab project\'s merge requests on its own host, over https and ssh alike', () => {
    expect(mergeRequestsUrl(parseRemote('https://gitlab.gnome.org/GNOME/gnome-text-editor.git'))).toBe('https://gitlab.gnome.org/GNOME/gnome-text-editor/-/merge_requests');
    expect(mergeRequestsUrl(parseRemote('git@salsa.debian.org:debian/dpkg.git'))).toBe('https://salsa.debian.org/debian/dpkg/-/merge_requests');
  });

  it('reads a project in a GitLab subgroup, its groups its owner, over https, ssh and scp alike', () => {
    const project = { host: 'gitlab.com', owner: 'acme/platform/infra', name: 'tool' };
    expect(parseRemote('https://gitlab.com/acme/platform/infra/tool.git')).toEqual(project);
    expect(parseRemote('ssh://git@gitlab.com:2222/acme/platform/infra/tool.git')).toEqual(project);
    expect(parseRemote('git@gitlab.com:acme/platform/infra/tool.git')).toEqual(project);
    expect(mergeRequestsUrl(parseRemote('git@gitlab.com:acme/platform/infra/tool.git'))).toBe('https://gitlab.com/acme/platform/infra/tool/-/merge_requests');
    // GitHub nests nothing: such an address names no repository, and no token goes anywhere for it
    expect(parseRemote('https://github.com/acme/platform/tool.git')).toBeNull();
    expect(parseRemote('https://github.com/acme/tool.git')).toEqual({ host: 'github.com', owner: 'acme', name: 'tool' });
  });

  it('links none from a GitHub remote (a mirror: where its merge requests live is unknown), nor from a path', () => {
    expect(mergeRequestsUrl(parseRemote('https://github.com/GNOME/gnome-text-editor.git'))).toBeNull();
    expect(webUrl(parseRemote('https://github.com/GNOME/gnome-text-editor.git'))).toBe('https://github.com/GNOME/gnome-text-editor');
    expect(mergeRequestsUrl(parseRemote('/srv/git/tool.git'))).toBeNull();
  });
});
