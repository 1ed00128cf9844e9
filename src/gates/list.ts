import wrapAnsi from 'wrap-ansi';
import { catalogueEntries, numberUnit, UNIT_WORDS, UNITS, type CatalogueEntry, type Mode } from '../metrics/catalogue.js';
import { escapeMarkdown } from '../render/sanitize.js';
import { plural } from '../units.js';
import { largest } from '../lists.js';

/** How a threshold on each kind is written, for the unit column; a number says what it counts (`number (a week)`). */
const UNIT_SHOWN = { duration: 'duration (7d)', ratio: 'ratio (15%)', count: 'count', number: 'number' } as const;

function unitShown(entry: CatalogueEntry): string {
  const unit = numberUnit(entry.path);
  return unit === undefined ? UNIT_SHOWN[entry.figure.kind] : `number (${UNIT_WORDS[unit].replace(/^(reviews|comments|open pull requests) /, '')})`;
}

const MODE_NAME: Readonly<Record<Mode, string>> = { git: 'git only', github: 'GitHub' };

function measuredIn(entry: CatalogueEntry): string {
  return entry.modes.includes('git') ? 'git, GitHub' : 'GitHub';
}

/** Whether this run's mode measures the figure: yes, or what it needs. */
function measuredBy(entry: CatalogueEntry, mode: Mode): string {
  return entry.modes.includes(mode) ? 'yes' : 'no: needs GitHub';
}

/**
 * `check --list`: every figure a threshold may name, its unit and whether this run measures it (`mode`), or, with
 * no repository to tell the mode from (`mode` null), which modes measure it. Pure.
 */
export function renderFigureList(mode: Mode | null, format: 'text' | 'json' | 'markdown', width = 80, entries: readonly CatalogueEntry[] = catalogueEntries()): string {
  const can = mode === null ? entries.length : entries.filter((e) => e.modes.includes(mode)).length;
  if (format === 'json') {
    const figures = entries.map((e) => ({
      figure: e.path,
      unit: UNITS[e.figure.kind].name,
      label: e.label,
      modes: e.modes,
      ...(mode !== null && { measured: e.modes.includes(mode) }),
    }));
    return `${JSON.stringify({ mode, figures }, null, 2)}\n`;
  }
  const title =
    mode === null
      ? `${plural(entries.length, 'figure')} a threshold may name; no repository here, so the mode that measures each is listed`
      : `${plural(entries.length, 'figure')} a threshold may name; this run (${MODE_NAME[mode]}) measures ${can} of them`;
  const last = mode === null ? 'measured in' : 'this run';
  const rows = entries.map((e) => [e.path, unitShown(e), mode === null ? measuredIn(e) : measuredBy(e, mode), e.label] as const);
  if (format === 'markdown') {
    const lines = rows.map(([path, unit, measured, label]) => `| \`${path}\` | ${unit} | ${measured} | ${escapeMarkdown(label)} |`);
    return [`### flowaudit figures: ${title}`, '', `| figure | unit | ${last} | what it is |`, '| --- | --- | --- | --- |', ...lines].join('\n') + '\n';
  }
  const header = ['figure', 'unit', last, 'what it is'] as const;
  const widths = [0, 1, 2].map((i) => Math.max(header[i as 0 | 1 | 2].length, largest(rows.map((r) => r[i as 0 | 1 | 2].length))));
  // the figure, its unit and whether it is measured in columns; what it is after them, wrapped in the room left,
  // or, where too little is left (a narrow terminal), on the lines under them: no line is wider than `width`
  const at = widths.reduce((sum, w) => sum + w + 2, 0);
  const room = width - at;
  const line = (cells: readonly string[]): string[] => {
    const head = cells.slice(0, 3).map((c, i) => c.padEnd(widths[i] as number)).join('  ');
    const label = cells[3] ?? '';
    if (room >= 24) return wrapAnsi(label, room, { hard: true }).split('\n').map((part, i) => `${i === 0 ? `${head}  ` : ' '.repeat(at)}${part}`.trimEnd());
    // narrow: the figure on its line, the rest under it
    return [cells[0] ?? '', ...wrapAnsi(cells.slice(1).join(' · '), width - 4, { hard: true }).split('\n').map((part) => `    ${part}`)];
  };
  const footer = 'A duration takes a unit (s, m, h, d, w, mo, y), a ratio % or 0–1, a count or number none: leadTime.p50<=7d, dora.changeFailureRate<=15%.';
  const wrapped = (text: string): string[] => wrapAnsi(text, width, { hard: true }).split('\n');
  return [...wrapped(`flowaudit check --list: ${title}`), '', ...line(header), ...rows.flatMap(line), '', ...wrapped(footer)].join('\n') + '\n';
}
