import type { ErrorObject } from 'ajv';
import { validateApp } from '../generated/validate-app.js';
import { message } from '../i18n.ts';
import { allowedTypesAt, placeName, type Translated, translateAjvError } from './ajvMessages.ts';
import type { DefinitionError } from './errors.ts';

/** More errors than this are summarised: past it, fixing the first ones is what helps. */
const MAX_REPORTED = 100;

/** The JSON Schema check with the ahead-of-time compiled validator, its errors made readable. */
export function schemaCheck(def: unknown): DefinitionError[] {
  if (validateApp(def)) return [];
  // a bad key under `propertyNames` is reported twice (inner pattern + propertyNames): keep the latter
  const raw = (validateApp.errors ?? []).filter((e) => e.keyword === 'propertyNames' || e.propertyName === undefined);
  const reduced = reduceCombinators(raw);
  const seen = new Set<string>();
  const out: DefinitionError[] = [];
  for (const e of reduced) {
    const t: Translated = 'keyword' in e ? translateAjvError(e, (p) => allowedTypesAt(def, p)) : e;
    const key = `${t.pointer}\u0000${t.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t);
  }
  if (out.length > MAX_REPORTED) {
    const more = out.length - MAX_REPORTED;
    out.length = MAX_REPORTED;
    out.push({
      pointer: '',
      code: 'too-many-errors',
      message: message(`还有 ${more} 个错误未列出`, `${more} more error(s) not listed`),
    });
  }
  return out;
}

const BRANCH = /^#\/(?:oneOf|anyOf)\/(\d+)\//;

function under(pointer: string, parent: string): boolean {
  return pointer === parent || pointer.startsWith(`${parent}/`);
}

/**
 * ajv reports every failing branch of a oneOf/anyOf. Keep only the branch the author most likely
 * meant: branches whose tag (`kind`) does not match, or whose value has the wrong type altogether,
 * are dropped; of the rest the one with the fewest errors wins.
 */
function reduceCombinators(errors: ErrorObject[]): (ErrorObject | Translated)[] {
  const combinators = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  if (combinators.length === 0) return errors;
  // deepest first, so an inner choice is settled before the outer one looks at it
  combinators.sort((a, b) => b.instancePath.length - a.instancePath.length);
  let rest: (ErrorObject | Translated)[] = errors;
  for (const c of combinators) {
    const at = c.instancePath;
    const inside: ErrorObject[] = [];
    const outside: (ErrorObject | Translated)[] = [];
    for (const e of rest) {
      if (e === c) continue;
      if ('keyword' in e && under(e.instancePath, at) && e !== c) inside.push(e);
      else outside.push(e);
    }
    outside.push(...chooseBranch(c, inside));
    rest = outside;
  }
  return rest;
}

function chooseBranch(c: ErrorObject, inside: ErrorObject[]): (ErrorObject | Translated)[] {
  const at = c.instancePath;
  const branches = new Map<number, ErrorObject[]>();
  const unassigned: ErrorObject[] = [];
  for (const e of inside) {
    const m = BRANCH.exec(e.schemaPath);
    if (m && e.instancePath.startsWith(at)) {
      const n = Number(m[1]);
      const list = branches.get(n) ?? [];
      list.push(e);
      branches.set(n, list);
    } else {
      unassigned.push(e);
    }
  }
  // errors of a value nested deeper (its own $ref) carry no branch index; when there are any, the
  // branch the author meant is one whose only problems are those nested values
  if (unassigned.length > 0) return unassigned;
  const isTagMismatch = (e: ErrorObject) =>
    e.keyword === 'const' && e.instancePath.slice(at.length).split('/').length === 2;
  const isWrongKind = (e: ErrorObject) => e.keyword === 'type' && e.instancePath === at;
  const viable = [...branches.entries()].filter(([, errs]) => !errs.some((e) => isTagMismatch(e) || isWrongKind(e)));
  if (viable.length === 0) {
    const all = [...branches.values()].flat();
    const tags = all.filter(isTagMismatch);
    if (tags.length > 0 && tags.length === all.filter((e) => e.keyword === 'const').length) {
      const tagAt = tags[0]!.instancePath;
      const allowed = tags.map((e) => JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)).join(', ');
      const name = placeName(tagAt);
      return [
        {
          pointer: tagAt,
          code: 'not-allowed-value',
          message: message(`「${name}」只能是以下值之一：${allowed}`, `“${name}” must be one of: ${allowed}`),
        },
      ];
    }
    return [shapeError(at)];
  }
  viable.sort((a, b) => a[1].length - b[1].length);
  const best = viable[0]!;
  const tie = viable.filter(([, errs]) => errs.length === best[1].length);
  if (
    tie.length > 1 &&
    tie.every(([, errs]) => errs.every((e) => e.keyword === 'additionalProperties' || e.keyword === 'required'))
  ) {
    return [shapeError(at)];
  }
  return [...best[1], ...unassigned];
}

function shapeError(at: string): Translated {
  const name = placeName(at);
  if (name === 'default') {
    return {
      pointer: at,
      code: 'invalid-shape',
      message: message(
        '「default」应为字面值（文本、数字、true/false 或列表）或 {"expr": "…"}',
        '“default” must be a literal (text, number, true/false or a list) or {"expr": "…"}',
      ),
    };
  }
  return {
    pointer: at,
    code: 'invalid-shape',
    message: message(
      `「${name}」不符合任何一种允许的写法：请检查是否缺少属性或混用了不能同时出现的属性`,
      `“${name}” matches none of its allowed shapes: check for a missing property or properties that cannot be used together`,
    ),
  };
}
