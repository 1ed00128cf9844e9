import type { ClosedPull, Window } from '../domain.js';
import { aiToolsOf } from '../model/pull-ai.js';
import type { ReportClosedPull } from './closed-pulls-schema.js';
import { epoch, iso } from './convert.js';

/** The pull requests closed in the window, oldest close first, as the report lists them. */
export function reportClosedPulls(pulls: readonly ClosedPull[], window: Pick<Window, 'since' | 'until'>): ReportClosedPull[] {
  return pulls
    .filter((p) => p.closedAt >= window.since && p.closedAt < window.until)
    .map((p) => ({
      number: p.number,
      title: p.title,
      url: p.url,
      author: p.author,
      bot: p.bot,
      createdAt: iso(p.createdAt) as string,
      closedAt: iso(p.closedAt) as string,
      isDraft: p.isDraft,
      failedRun: p.failedRun,
      landed: p.landed,
      aiEvidence: p.aiEvidence,
      aiTools: aiToolsOf(p),
      ...(p.aiStrength !== undefined && { aiStrength: p.aiStrength }),
      ...(p.aiWeakEvidence !== undefined && { aiWeakEvidence: p.aiWeakEvidence }),
      reviews: p.reviews,
      comments: p.comments,
      firstReviewAt: iso(p.firstReviewAt),
      closedBy: p.closedBy,
      ...(p.repository !== undefined && { repository: p.repository }),
    }));
}

/** A listed closed pull request as the figures read it (an aggregate's), naming `repository` when given. */
export function fromReportClosedPull(p: ReportClosedPull, repository: string | undefined): ClosedPull {
  return {
    number: p.number,
    title: p.title,
    url: p.url,
    author: p.author,
    bot: p.bot,
    createdAt: epoch(p.createdAt) ?? 0,
    closedAt: epoch(p.closedAt) ?? 0,
    isDraft: p.isDraft,
    failedRun: p.failedRun,
    landed: p.landed,
    aiEvidence: p.aiEvidence,
    aiTools: p.aiTools,
    ...(p.aiStrength !== undefined && { aiStrength: p.aiStrength }),
    ...(p.aiWeakEvidence !== undefined && { aiWeakEvidence: p.aiWeakEvidence }),
    reviews: p.reviews,
    comments: p.comments,
    firstReviewAt: epoch(p.firstReviewAt),
    closedBy: p.closedBy,
    ...(repository !== undefined && { repository }),
  };
}
