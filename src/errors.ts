/**
 * Errors a user can act on. The CLI prints `message` on one line (and `hint` after it when present),
 * exits with `exitCode`, and shows the stack only with --debug.
 */
export class FlowauditError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  constructor(message: string, options: { exitCode?: number; hint?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.exitCode = options.exitCode ?? 2;
    this.hint = options.hint;
  }
}

/** Bad flags, bad config, bad input: exit 2. */
export class ConfigError extends FlowauditError {}

/** The repository cannot be read as asked (not a repo, unknown branch, git failed). */
export class GitError extends FlowauditError {}

/** The GitHub API refused or failed. */
export class GitHubError extends FlowauditError {}

export class RateLimitError extends GitHubError {
  readonly resetAt: Date | undefined;
  constructor(message: string, resetAt: Date | undefined, options: { hint?: string; cause?: unknown } = {}) {
    super(message, { ...options, exitCode: 3 });
    this.resetAt = resetAt;
  }
}
