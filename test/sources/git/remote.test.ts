import { describe, expect, it } from 'vitest';
import { mergeRequestsUrl, parseRemote, pullsUrl, remoteHost } from '../../../src/sources/git/remote.js';

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
    // Azure DevOps' `_git` and `v3` are no part of the owner
    const azure = { owner: 'acme/web', name: 'shop' };
    expect(parseRemote('https://acme@dev.azure.com/acme/web/_git/shop')).toEqual({ host: 'dev.azure.com', ...azure });
    expect(parseRemote('git@ssh.dev.azure.com:v3/acme/web/shop')).toEqual({ host: 'ssh.dev.azure.com', ...azure });
    expect(parseRemote('https://acme.visualstudio.com/web/_git/shop')).toEqual({ host: 'acme.visualstudio.com', owner: 'web', name: 'shop' });
    // elsewhere they are a group's names like any other
    expect(parseRemote('https://gitlab.com/v3/_git/tool.git')).toEqual({ host: 'gitlab.com', owner: 'v3/_git', name: 'tool' });
    // GitHub nests nothing: such an address names no repository, and no token goes anywhere for it
    expect(parseRemote('https://github.com/acme/platform/tool.git')).toBeNull();
    expect(parseRemote('https://github.com/acme/tool.git')).toEqual({ host: 'github.com', owner: 'acme', name: 'tool' });
  });

  it('links none from a GitHub remote (a mirror: where its merge requests live is unknown), nor from a path', () => {
    expect(mergeRequestsUrl(parseRemote('https://github.com/GNOME/gnome-text-editor.git'))).toBeNull();
    expect(pullsUrl(parseRemote('https://github.com/GNOME/gnome-text-editor.git'))).toBe('https://github.com/GNOME/gnome-text-editor/pull');
    expect(mergeRequestsUrl(parseRemote('/srv/git/tool.git'))).toBeNull();
  });
});

describe('where a remote keeps its pull requests', () => {
  it('links them on each forge as it writes their addresses', () => {
    expect(pullsUrl(parseRemote('git@github.example.com:acme/tool.git'))).toBe('https://github.example.com/acme/tool/pull');
    expect(pullsUrl(parseRemote('https://codeberg.org/forgejo/forgejo.git'))).toBe('https://codeberg.org/forgejo/forgejo/pulls');
    expect(pullsUrl(parseRemote('git@gitea.example.com:acme/tool.git'))).toBe('https://gitea.example.com/acme/tool/pulls');
    expect(pullsUrl(parseRemote('git@bitbucket.org:acme/tool.git'))).toBe('https://bitbucket.org/acme/tool/pull-requests');
    expect(pullsUrl(parseRemote('git@ssh.dev.azure.com:v3/acme/web/shop'))).toBe('https://dev.azure.com/acme/web/_git/shop/pullrequest');
    expect(pullsUrl(parseRemote('https://acme.visualstudio.com/web/_git/shop'))).toBe('https://acme.visualstudio.com/web/_git/shop/pullrequest');
  });

  it('links none where the host names no forge, nor without a remote', () => {
    expect(pullsUrl(parseRemote('https://git.example.com/acme/tool.git'))).toBeNull();
    expect(pullsUrl(parseRemote('https://gitlab.com/acme/tool.git'))).toBeNull();
    // a Bitbucket Data Center cloned over ssh: its pages are on another port, perhaps under a context path
    expect(pullsUrl(parseRemote('ssh://git@bitbucket.example.com:7999/acme/tool.git'))).toBeNull();
    expect(pullsUrl(null)).toBeNull();
  });
});

describe('a Bitbucket Data Center remote', () => {
  it('is its project\'s and its slug\'s, over https (after `scm`) and ssh alike', () => {
    const tool = { host: 'bitbucket.example.com', owner: 'ACME', name: 'tool' };
    expect(parseRemote('https://jdoe@bitbucket.example.com/scm/ACME/tool.git')).toEqual({ ...tool, web: 'https://bitbucket.example.com' });
    expect(parseRemote('ssh://git@bitbucket.example.com:7999/ACME/tool.git')).toEqual(tool);
    expect(parseRemote('git@bitbucket.example.com:ACME/tool.git')).toEqual(tool);
  });

  it('links its pull requests where its https clone URL says its pages are: port, context path, a user\'s repository', () => {
    expect(pullsUrl(parseRemote('https://bitbucket.example.com/scm/acme/tool.git'))).toBe('https://bitbucket.example.com/projects/acme/repos/tool/pull-requests');
    expect(pullsUrl(parseRemote('https://bitbucket.example.com:8443/git/scm/ACME/tool.git'))).toBe('https://bitbucket.example.com:8443/git/projects/ACME/repos/tool/pull-requests');
    // a context path may itself be named scm
    expect(pullsUrl(parseRemote('http://bitbucket-dc.corp/scm/scm/OPS/deploy'))).toBe('http://bitbucket-dc.corp/scm/projects/OPS/repos/deploy/pull-requests');
    expect(pullsUrl(parseRemote('https://bitbucket.example.com/scm/~jdoe/dotfiles.git'))).toBe('https://bitbucket.example.com/users/jdoe/repos/dotfiles/pull-requests');
  });

  it('never carries the clone URL\'s credentials into a link', () => {
    const link = pullsUrl(parseRemote('https://jdoe:s3cret@bitbucket.example.com/scm/ACME/tool.git'));
    expect(link).toBe('https://bitbucket.example.com/projects/ACME/repos/tool/pull-requests');
  });
});
