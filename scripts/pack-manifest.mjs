// The manifest a packed tarball carries. A clone builds where it is installed, through `prepare`, so that
// `npm install && npx flowaudit report` runs from a fresh clone (and `npm install <git URL>` gets a built
// package); but npm lists a tarball's `prepare` among the install scripts it warns about ("has install scripts
// not yet covered by allowScripts"), though it never runs it there. So `npm pack` and `npm publish` (prepack,
// once the build is done) pack the manifest without its install scripts, and postpack puts the clone's back.
//
//   node scripts/pack-manifest.mjs strip     the manifest to pack; the clone's kept as package.json.clone
//   node scripts/pack-manifest.mjs restore   the clone's manifest back
//
// A pack that died between the two leaves package.json.clone (git status shows both): either step puts it back
// first, so a second pack never keeps a stripped manifest as the clone's.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

const MANIFEST = new URL('../package.json', import.meta.url);
const KEPT = new URL('../package.json.clone', import.meta.url);
const NEXT = new URL('../package.json.packed', import.meta.url);

// what npm runs where a package is installed (npm's docs, "Life Cycle Operation Order" of npm install)
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepublish', 'preprepare', 'prepare', 'postprepare'];

function restore() {
  if (existsSync(KEPT)) renameSync(KEPT, MANIFEST);
}

function strip() {
  restore();
  const text = readFileSync(MANIFEST, 'utf8');
  const manifest = JSON.parse(text);
  for (const name of INSTALL_SCRIPTS) delete manifest.scripts?.[name];
  // the clone's copy first, then the packed one in one rename: no moment without a whole manifest
  writeFileSync(KEPT, text);
  writeFileSync(NEXT, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(NEXT, MANIFEST);
}

const step = process.argv[2];
if (step === 'strip') strip();
else if (step === 'restore') restore();
else {
  process.stderr.write('pack-manifest: give strip or restore\n');
  process.exit(2);
}
