/*
 * The temp files flowaudit writes beside a report or a cache file before renaming them into place: how they are
 * named, removed when the run is stopped by a signal, and swept when a killed run left them behind.
 */
import { escapeRegExp } from '../patterns.js';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The temp file for `target`, hidden beside it: `.report.json.flowaudit-<pid>-<8 hex>.tmp`. `random` is 4
 * random bytes as hex, from the caller (node:crypto is loaded only by the writers that need it).
 */
export function tempPathFor(target: string, random: string): string {
  return join(dirname(target), `.${basename(target)}.flowaudit-${process.pid}-${random}.tmp`);
}


/** A temp file of ours for `target` (any run's): its pid is group 1. Older versions wrote `.report.json.<pid>.<hex>.tmp`. */
export function tempPatternFor(target: string): RegExp {
  return new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(?:flowaudit-)?(\\d+)[.-][0-9a-f]{8}\\.tmp$`);
}

// ---- removed on a signal ----

const pending = new Set<string>();
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let watching = false;

function removePending(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  for (const s of SIGNALS) process.off(s, onSignal);
  watching = false;
  // die of the signal, as if no handler had been there, so the shell sees 129 / 130 / 143
  process.kill(process.pid, signal);
}

/**
 * Removes `temp` if the run ends (a signal: SIGINT, SIGTERM, SIGHUP; or exit) before `releaseTemp` is called.
 * A synchronous write between the two finishes before a signal's handler runs, so it is renamed into place whole.
 */
export function holdTemp(temp: string): void {
  pending.add(temp);
  if (watching) return;
  watching = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', removePending);
}

/** `temp` was renamed into place or removed: no longer the signal handler's to remove. */
export function releaseTemp(temp: string): void {
  pending.delete(temp);
}

// ---- swept when a killed run left them ----

/**
 * Removes the temp files in `dir` whose names `pattern` matches (group 1: the pid of the run that wrote it) and
 * that `isStale` judges left behind. Never throws: another run may sweep the same file first.
 */
export function sweepTemps(dir: string, pattern: RegExp, isStale: (pid: number, ageMs: number) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    if (pid === process.pid) continue;
    const path = join(dir, name);
    try {
      // only a regular file: what a run of ours wrote (a link or a folder of that name is someone else's)
      const info = lstatSync(path);
      if (info.isFile() && isStale(pid, Date.now() - info.mtimeMs)) rmSync(path, { force: true });
    } catch {
      // another run swept it first
    }
  }
}

/** Whether a process of that id exists (here: a run in another container may look gone). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
