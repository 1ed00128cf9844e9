import { ConfigError } from '../errors.js';
import { parseSlice, sliceName } from '../model/slices.js';
import { DURATION_UNITS, parseDuration } from '../units.js';
import { lookupFigure, type FigureKind } from './figures.js';

export type Operator = '<=' | '<' | '>=' | '>' | '==' | '!=';
/** the unit a threshold was written in; null for a plain number */
export type ThresholdUnit = 's' | 'm' | 'h' | 'd' | 'w' | 'mo' | 'y' | '%';

/** A parsed threshold such as `leadTime.p50<=7d`. */
export interface Threshold {
  /** as given, trimmed */
  expression: string;
  /** dot path into `report.summary`, without the `summary.` prefix, as written */
  path: string;
  /** the resolved keys into `report.summary` (a DORA key ends in `value`) */
  segments: string[];
  kind: FigureKind;
  operator: Operator;
  /** in the figure's own unit: seconds for durations, a ratio for `%` */
  value: number;
  unit: ThresholdUnit | null;
  /** the slice whose figure it reads (`team:payments/leadTime.p50<=7d`), as `sliceName` writes it; absent: the whole */
  slice?: string;
}

const OPERATORS: readonly Operator[] = ['<=', '<', '>=', '>', '==', '!='];
const OPERATOR_LIST = 'use <=, <, >=, >, == or !=';
export const UNIT_SECONDS = DURATION_UNITS as Readonly<Record<Exclude<ThresholdUnit, '%'>, number>>;
const PATH = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)*$/;
const VALUE = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z%]*)/i;

/**
 * Parses one threshold: a path into `report.summary` (the `summary.` prefix optional), an operator and a
 * value with a unit where the figure has one (s, m, h, d, w, mo, y → seconds; % → ratio). Pure.
 * @throws ConfigError naming the expression and what is wrong with it
 */
export function parseThreshold(input: string): Threshold {
  // thresholds come from flags and config files: keep control characters out of the message
  const expression = input.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').trim();
  const fail = (problem: string): never => {
    throw new ConfigError(`invalid threshold '${expression}': ${problem}`);
  };
  if (expression === '') fail('empty expression');
  const op = /[<>=!]+/.exec(expression);
  if (op === null) return fail(`no operator (${OPERATOR_LIST})`);
  const operator = OPERATORS.find((o) => o === op[0]);
  if (operator === undefined) return fail(`unknown operator '${op[0]}' (${OPERATOR_LIST})`);

  // a slice's figure: the slice is everything before the last `/` (a path glob has slashes, a figure none)
  const named = expression.slice(0, op.index).trim();
  const cut = named.lastIndexOf('/');
  let slice: string | undefined;
  if (cut !== -1) {
    try {
      slice = sliceName(parseSlice(named.slice(0, cut)));
    } catch (error) {
      fail(`${error instanceof Error ? error.message : String(error)} (a threshold on a slice is SLICE/FIGURE, such as team:payments/leadTime.p50<=7d)`);
    }
  }
  const written = named.slice(cut + 1).trim();
  const path = written.replace(/^summary\./, '');
  if (written === '' || path === '') fail('empty path (name a figure such as leadTime.p50)');
  if (!PATH.test(path)) fail(`bad path '${written}' (names joined by dots, such as stages.pickup.p75)`);
  const figure = lookupFigure(path);
  if (!figure.ok) return fail(figure.problem);

  const text = expression.slice(op.index + op[0].length).trim();
  if (text === '') fail(`no value after '${operator}'`);
  const number = VALUE.exec(text);
  if (number === null) return fail(`'${text}' is not a number`);
  if (!Number.isFinite(Number(number[1]))) fail(`'${text}' is too large`);
  const unitText = (number[2] ?? '').toLowerCase();
  if (unitText !== '' && !isUnit(unitText)) fail(`unknown unit '${unitText}' (use s, m, h, d, w, mo, y or %)`);
  const unit = unitText === '' ? null : (unitText as ThresholdUnit);
  // a duration may be written in parts (`1d 12h`), read by the one duration parser; it is shown in its first unit
  const amount = unit !== null && unit !== '%' ? parseDuration(text) : number[0].trim() === text ? Number(number[1]) : null;
  if (amount === null) return fail(`'${text}' is not a number${unit !== null && unit !== '%' ? ' or a duration like 7d or 1d 12h' : ''}`);
  const inUnit = unit !== null && unit !== '%' ? amount / UNIT_SECONDS[unit] : amount;
  // a duration without its unit would be read as seconds: `leadTime.p50<7` meant 7 days, and passes by accident
  if (figure.kind === 'duration' && unit === null && amount !== 0) {
    // the likeliest unit first: a small number is days, a large one was written as seconds (the JSON's unit)
    const [first, ...others] = amount >= 60 ? ['s', 'm', 'h'] : ['d', 'h', 'm'];
    fail(`${number[1]} what? write ${number[1]}${first} (or ${others.map((u) => `${number[1]}${u}`).join(', ')}: a duration takes a unit)`);
  }
  return { expression, path, segments: figure.segments, kind: figure.kind, operator, value: normalize(inUnit, unit, path, figure.kind, fail), unit, ...(slice !== undefined && { slice }) };
}

/** Parses every threshold, so a bad one stops the run before any repository is read. @throws ConfigError */
export function parseThresholds(inputs: readonly string[]): Threshold[] {
  return inputs.map(parseThreshold);
}

function isUnit(text: string): text is ThresholdUnit {
  return text === '%' || Object.hasOwn(UNIT_SECONDS, text);
}

function normalize(amount: number, unit: ThresholdUnit | null, path: string, kind: FigureKind, fail: (problem: string) => never): number {
  switch (kind) {
    case 'duration':
      if (unit === '%') return fail(`${path} is a duration: use s, m, h, d, w, mo or y, not '%'`);
      // only 0 goes without a unit (see parseThreshold): it is 0 in every unit
      return unit === null ? amount : amount * UNIT_SECONDS[unit];
    case 'ratio':
      if (unit === '%') return amount / 100;
      if (unit !== null) return fail(`${path} is a ratio: use % or a plain number, not '${unit}'`);
      if (amount > 1) return fail(`${path} is a ratio between 0 and 1: write ${amount}% or ${amount / 100}`);
      return amount;
    case 'count':
    case 'number':
      if (unit !== null) return fail(`${path} is a ${kind === 'count' ? 'count' : 'plain number'} and takes no unit ('${unit}')`);
      return amount;
  }
}
