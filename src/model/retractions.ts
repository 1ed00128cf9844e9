import type { Deploy } from '../domain.js';
import type { GoRetraction } from '../sources/git/manifests.js';

// a version of a Go module's own, as its root module's tags name it (`v1.74.0`, `v2.0.0-rc.1`); a nested module's
// tags carry its path (`api/v1.2.3`) and are retracted in its own go.mod
const GO_VERSION = /^v(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** Semantic versions compared as Go compares them (a pre-release below its release); null when either is none. */
export function compareGoVersions(a: string, b: string): number | null {
  const x = GO_VERSION.exec(a);
  const y = GO_VERSION.exec(b);
  if (x === null || y === null) return null;
  for (let i = 1; i <= 3; i++) {
    const d = Number(x[i]) - Number(y[i]);
    if (d !== 0) return Math.sign(d);
  }
  return comparePrerelease(x[4], y[4]);
}

function comparePrerelease(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const xs = a.split('.');
  const ys = b.split('.');
  for (let i = 0; i < Math.max(xs.length, ys.length); i++) {
    const p = xs[i];
    const q = ys[i];
    if (p === undefined) return -1;
    if (q === undefined) return 1;
    if (p === q) continue;
    const numeric = /^\d+$/;
    if (numeric.test(p) && numeric.test(q)) return Math.sign(Number(p) - Number(q));
    if (numeric.test(p)) return -1;
    if (numeric.test(q)) return 1;
    return p < q ? -1 : 1;
  }
  return 0;
}

/** The retraction that covers a tag's version, if any. */
function retractionOf(ref: string, retractions: readonly GoRetraction[]): GoRetraction | undefined {
  return retractions.find((r) => (compareGoVersions(ref, r.low) ?? -1) >= 0 && (compareGoVersions(ref, r.high) ?? 1) <= 0);
}

/**
 * The deploys, each one whose tag is a version the repository's go.mod retracts failed (SPEC section 4: a release
 * that needed remediation), with the retraction's rationale among its reasons. grpc-go retracted v1.74.0 and v1.74.1
 * two days after tagging them, "published prematurely with known issues", and fixed them in v1.74.2. Which deploy
 * removed the failure git cannot say (the fix may be on a release line, the retraction names none), so its recovery
 * time stays what other reasons make it, else unknown; and no change is read as its fix. Pure.
 */
export function failRetracted(deploys: readonly Deploy[], retractions: readonly GoRetraction[]): Deploy[] {
  if (retractions.length === 0) return [...deploys];
  return deploys.map((deploy) => {
    const retraction = retractionOf(deploy.ref, retractions);
    if (retraction === undefined) return deploy;
    const reason = retraction.rationale === null ? 'retracted in go.mod' : `retracted in go.mod: ${retraction.rationale}`;
    return { ...deploy, failed: true, failureReasons: [...deploy.failureReasons, reason] };
  });
}
