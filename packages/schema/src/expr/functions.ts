import { type Message, message } from '../i18n.ts';

/** Variadic functions accept at most this many arguments (as Excel does). */
export const MAX_ARGS = 255;

export interface FunctionInfo {
  /** Upper-case name; calls are case-insensitive. */
  name: string;
  minArgs: number;
  maxArgs: number;
  /** How the call reads, for completion, e.g. `ROUND(number, [digits])`. */
  signature: string;
  description: Message;
}

const fn = (name: string, minArgs: number, maxArgs: number, signature: string, zh: string, en: string) =>
  Object.freeze({ name, minArgs, maxArgs, signature, description: Object.freeze(message(zh, en)) });

/** Every function of the language: the whitelist the interpreter runs and the editor completes. */
export const FUNCTIONS: readonly FunctionInfo[] = Object.freeze([
  fn(
    'IF',
    2,
    3,
    'IF(condition, then, [else])',
    '条件为真时取第二个参数，否则取第三个（缺省为空）',
    'The second argument if the condition is TRUE, else the third (blank if omitted)',
  ),
  fn(
    'AND',
    1,
    MAX_ARGS,
    'AND(condition, …)',
    '所有条件都为真时为真（空值视为假）',
    'TRUE when every condition is TRUE (blank counts as FALSE)',
  ),
  fn(
    'OR',
    1,
    MAX_ARGS,
    'OR(condition, …)',
    '任一条件为真时为真（空值视为假）',
    'TRUE when any condition is TRUE (blank counts as FALSE)',
  ),
  fn(
    'NOT',
    1,
    1,
    'NOT(condition)',
    '取反（空值视为假，结果为真）',
    'Negation (blank counts as FALSE, so the result is TRUE)',
  ),
  fn(
    'SUM',
    1,
    MAX_ARGS,
    'SUM(number, …)',
    '求和，跳过空值；可用子表列，如 SUM(lines.qty)',
    'Sum, skipping blanks; accepts sub-table columns such as SUM(lines.qty)',
  ),
  fn(
    'AVG',
    1,
    MAX_ARGS,
    'AVG(number, …)',
    '平均值，跳过空值；没有数值时为空',
    'Average, skipping blanks; blank when there are no numbers',
  ),
  fn(
    'MIN',
    1,
    MAX_ARGS,
    'MIN(value, …)',
    '最小值，跳过空值；没有值时为空',
    'Smallest value, skipping blanks; blank when there are none',
  ),
  fn(
    'MAX',
    1,
    MAX_ARGS,
    'MAX(value, …)',
    '最大值，跳过空值；没有值时为空',
    'Largest value, skipping blanks; blank when there are none',
  ),
  fn('COUNT', 1, MAX_ARGS, 'COUNT(value, …)', '非空值的个数', 'Number of non-blank values'),
  fn(
    'ROUND',
    1,
    2,
    'ROUND(number, [digits])',
    '四舍五入到指定小数位（缺省 0）',
    'Rounds half away from zero to the given decimals (default 0)',
  ),
  fn('ABS', 1, 1, 'ABS(number)', '绝对值', 'Absolute value'),
  fn('TODAY', 0, 0, 'TODAY()', '今天的日期', "Today's date"),
  fn('NOW', 0, 0, 'NOW()', '当前日期和时间', 'The current date and time'),
  fn(
    'DATEDIF',
    3,
    3,
    'DATEDIF(start, end, "d"|"m"|"y")',
    '两个日期之间的整天/整月/整年数',
    'Whole days, months or years between two dates',
  ),
  fn(
    'CONCAT',
    1,
    MAX_ARGS,
    'CONCAT(value, …)',
    '把各值连接成文本（空值为空文本）',
    'Joins the values into text (blank is empty text)',
  ),
  fn('LEN', 1, 1, 'LEN(text)', '文本的字符数', 'Number of characters in the text'),
  fn(
    'ISBLANK',
    1,
    1,
    'ISBLANK(value)',
    '值为空（或子表没有行）时为真',
    'TRUE when the value is blank (or the list is empty)',
  ),
  fn(
    'CONTAINS',
    2,
    2,
    'CONTAINS(list or text, value)',
    '列表包含该值，或文本包含该子串',
    'TRUE when the list holds the value, or the text contains it',
  ),
  fn('USER', 0, 0, 'USER()', '当前用户名', "The current user's name"),
]);

const BY_NAME: ReadonlyMap<string, FunctionInfo> = new Map(FUNCTIONS.map((f) => [f.name, f]));

/** Looks a function up case-insensitively; `undefined` for anything not on the whitelist. */
export function findFunction(name: string): FunctionInfo | undefined {
  return BY_NAME.get(name.toUpperCase());
}
