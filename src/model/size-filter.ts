import { compileGlob, globList, GlobError, type Glob } from '../glob.js';

// lock files: machine-written, they say nothing about the size of the work
const LOCK_FILES = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|Gemfile\.lock|composer\.lock|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum|flake\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|packages\.lock\.json|gradle\.lockfile)$/;
const VENDORED = /(^|\/)(vendor|vendors|third[_-]party|node_modules|bower_components|Godeps\/_workspace)\//;
const MINIFIED = /(\.|-)min\.(js|css|mjs)$|\.(js|css)\.map$/;
const GENERATED = /(\.pb\.go|_pb2\.py|_pb2_grpc\.py|\.pb\.(cc|h)|\.generated\.\w+|\.designer\.cs)$|(^|\/)__snapshots__\//;

/**
 * Which paths count toward a change's size (SPEC section 5): lock files, vendored, minified and generated
 * files do not, nor paths `.gitattributes` marks `linguist-generated` or `linguist-vendored`, nor the
 * configured extra patterns. Returns a predicate; results are cached per path (histories repeat paths).
 */
export function sizeFilter(gitattributes: string, extraExcluded: readonly string[] = []): (path: string) => boolean {
  const rules = parseAttributes(gitattributes);
  const extra = extraExcluded.length > 0 ? globList(extraExcluded) : null;
  const cache = new Map<string, boolean>();
  return (path: string) => {
    const known = cache.get(path);
    if (known !== undefined) return known;
    let counts = !(LOCK_FILES.test(path) || VENDORED.test(path) || MINIFIED.test(path) || GENERATED.test(path));
    // the last matching .gitattributes line wins, as in git, and may put back a file the defaults left out
    for (const rule of rules) if (rule.glob.test(path)) counts = !rule.excluded;
    if (extra?.(path) === true) counts = false;
    cache.set(path, counts);
    return counts;
  };
}

interface AttributeRule {
  glob: Glob;
  /** true: the line sets linguist-generated/vendored; false: it unsets them */
  excluded: boolean;
}

function parseAttributes(text: string): AttributeRule[] {
  const rules: AttributeRule[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const [pattern, ...attributes] = line.split(/\s+/);
    if (!pattern) continue;
    for (const attribute of attributes) {
      const m = /^(-|!)?linguist-(generated|vendored)(=(\w+))?$/.exec(attribute);
      if (!m) continue;
      const excluded = m[1] === undefined && (m[4] === undefined || m[4] === 'true');
      try {
        rules.push({ glob: compileGlob(pattern, 'gitignore'), excluded });
      } catch (error) {
        // a glob past what one may cost is skipped (matched in linear time, src/glob.ts): it only narrows what counts
        if (!(error instanceof GlobError)) throw error;
      }
    }
  }
  return rules;
}
