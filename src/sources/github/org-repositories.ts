/**
 * An organisation's repositories, most recently pushed first, for `flowaudit repos`: one named GraphQL
 * operation, its raw shape, and the pages mapped to plain records. Archived repositories are left out by
 * GitHub (`isArchived: false`); forks too unless asked for.
 */
import { GitHubError } from '../../errors.js';
import { seconds } from './map.js';
import { paginate, type Page } from './pager.js';
import type { GitHubClient, Operation } from './request.js';

/** One repository of an organisation, as `repos` chooses among them. Times are epoch seconds. */
export interface OrgRepository {
  /** owner/name */
  name: string;
  /** null for an empty repository */
  defaultBranch: string | null;
  /** the default branch's last commit (committer date); null when GitHub does not say */
  lastCommitAt: number | null;
  /** the last push to any branch */
  pushedAt: number | null;
  isFork: boolean;
  isEmpty: boolean;
  isDisabled: boolean;
}

interface RawRepository {
  nameWithOwner: string;
  isFork: boolean;
  isEmpty: boolean;
  isDisabled: boolean;
  pushedAt: string | null;
  defaultBranchRef: { name: string; target: { committedDate?: string } | null } | null;
}

interface OrgRepositoriesData {
  organization: {
    repositories: { totalCount?: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Array<RawRepository | null> | null };
  } | null;
}

export const ORG_REPOSITORIES: Operation = {
  name: 'OrganizationRepositories',
  query: `query OrganizationRepositories($login: String!, $first: Int!, $after: String, $isFork: Boolean) {
  rateLimit { cost remaining resetAt }
  organization(login: $login) {
    repositories(first: $first, after: $after, isArchived: false, isFork: $isFork, orderBy: { field: PUSHED_AT, direction: DESC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        nameWithOwner
        isFork
        isEmpty
        isDisabled
        pushedAt
        defaultBranchRef { name target { ... on Commit { committedDate } } }
      }
    }
  }
}`,
};

export interface OrgRepositoriesOptions {
  login: string;
  /** stop at the first repository last pushed before this (epoch seconds): none after it can be newer */
  pushedSince: number;
  /** forks too (default: left out, as GitHub leaves them out when asked) */
  forks: boolean;
  /** repositories per page (default 100, GitHub's most) */
  pageSize?: number;
  warn: (message: string) => void;
}

/**
 * The organisation's repositories pushed to since `pushedSince`, most recently pushed first.
 * @throws GitHubError (exit 2) when the organisation does not exist or the token cannot see it, and what
 * `client.request` throws (GitHubError, RateLimitError)
 */
export async function listOrgRepositories(client: GitHubClient, options: OrgRepositoriesOptions): Promise<OrgRepository[]> {
  const fetchPage = async (after: string | null): Promise<Page<RawRepository>> => {
    const result = await client.request<OrgRepositoriesData>(ORG_REPOSITORIES, {
      login: options.login,
      first: options.pageSize ?? 100,
      after,
      // null asks for forks and sources alike
      isFork: options.forks ? null : false,
    });
    const org = result.data.organization;
    if (!org) {
      throw new GitHubError(`organization ${options.login} not found, or the token cannot see it`, {
        hint: 'check the name (an organisation, not a user), and that the token can read its repositories (the `repo` and `read:org` scopes for private ones)',
      });
    }
    result.warnings.forEach(options.warn);
    const { pageInfo, nodes, totalCount } = org.repositories;
    return {
      nodes: (nodes ?? []).filter((n): n is RawRepository => n !== null),
      hasNextPage: pageInfo.hasNextPage,
      endCursor: pageInfo.endCursor,
      sent: nodes?.length ?? 0,
      totalCount: typeof totalCount === 'number' ? totalCount : null,
    };
  };
  const found: OrgRepository[] = [];
  for await (const page of paginate(fetchPage, { label: `${options.login}'s repositories`, stopAt: (r) => (seconds(r.pushedAt) ?? 0) < options.pushedSince, warn: options.warn })) {
    for (const raw of page) found.push(mapRepository(raw));
  }
  return found;
}

function mapRepository(raw: RawRepository): OrgRepository {
  return {
    name: raw.nameWithOwner,
    defaultBranch: raw.defaultBranchRef?.name ?? null,
    lastCommitAt: seconds(raw.defaultBranchRef?.target?.committedDate ?? null),
    pushedAt: seconds(raw.pushedAt),
    isFork: raw.isFork,
    isEmpty: raw.isEmpty,
    isDisabled: raw.isDisabled,
  };
}
