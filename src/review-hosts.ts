/**
 * Where a project's changes are reviewed, as its history and its remote say (`reviewHost` in the report; found by
 * `src/audit/review-host.ts`). What git alone cannot see — when a change was opened, reviewed and approved, the
 * checks, the requests closed unmerged — flowaudit reads from GitHub only: every page that says so tells a
 * GitHub project how to read it and any other project where it is instead. Sending GNOME's readers to a GitHub
 * token, when their merge requests are on GitLab, sent them to the wrong place three times per report.
 */
export const REVIEW_HOSTS = {
  github: { name: 'GitHub', request: 'pull request', where: null },
  gitlab: { name: 'GitLab', request: 'merge request', where: 'this project\'s merge requests are on GitLab, which flowaudit does not read' },
  gerrit: { name: 'Gerrit', request: 'change', where: 'this project\'s changes are reviewed on Gerrit, which flowaudit does not read' },
  other: { name: 'This project\'s host', request: 'pull request', where: 'this project\'s remote is not on GitHub, the one host whose reviews flowaudit reads' },
} as const satisfies Record<string, { name: string; request: string; where: string | null }>;

export type ReviewHost = keyof typeof REVIEW_HOSTS;

export const REVIEW_HOST_IDS = Object.keys(REVIEW_HOSTS) as [ReviewHost, ...ReviewHost[]];

/**
 * The sentence that ends "not measured from git alone" on a page: how to read the rest, for a project on GitHub
 * or one nothing places (a GitHub token), else where its reviews are. `code` marks up a literal as the format does.
 */
export function readReviewsHint(host: ReviewHost | null, code: (literal: string) => string = (s) => s): string {
  return onGitHub(host) ? `Run with a GitHub token (${code('GH_TOKEN')}) to add them.` : `${reviewedElsewhere(host)}.`;
}

/** Where a project not on GitHub is reviewed, as a sentence starts it: `This project's merge requests are on GitLab, …`. */
export function reviewedElsewhere(host: Exclude<ReviewHost, 'github'>): string {
  const { where } = REVIEW_HOSTS[host];
  return `${where.charAt(0).toUpperCase()}${where.slice(1)}`;
}

/** What the place calls changes under review, plural: `merge requests` on GitLab; `pull requests` where nothing says. */
export function requestsOf(host: ReviewHost | null): string {
  return `${REVIEW_HOSTS[host ?? 'github'].request}s`;
}

/** Whether a GitHub token could show what git alone cannot: the project is on GitHub, or nothing says where it is. */
export function onGitHub(host: ReviewHost | null): host is 'github' | null {
  return host === null || host === 'github';
}
