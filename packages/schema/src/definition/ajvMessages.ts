import type { ErrorObject } from 'ajv';
import { type Message, message } from '../i18n.ts';
import { pointerSegments } from './errors.ts';

const ID_PATTERN = '^[a-z][a-z0-9_]{0,63}$';
const FIELD_TYPES =
  'text, textarea, number, date, select, radio, checkbox, member, role, barcode, photo, attachment, signature, location, formula, reference';

/** How a place in the definition is named in a message: its property, or `fields[3]` for an item. */
export function placeName(pointer: string): string {
  const segs = pointerSegments(pointer);
  const last = segs[segs.length - 1];
  if (last === undefined) return '';
  if (/^\d+$/.test(last)) {
    const parent = segs[segs.length - 2];
    return parent === undefined ? `[${last}]` : `${parent}[${last}]`;
  }
  return last;
}

function subject(pointer: string): { zh: string; en: string } {
  const name = placeName(pointer);
  return name === '' ? { zh: '应用定义', en: 'The app definition' } : { zh: `「${name}」`, en: `“${name}”` };
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '对象',
  array: '数组',
  null: 'null',
};
const TYPE_EN: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function typeNames(t: unknown, table: Record<string, string>, or: string): string {
  const list = Array.isArray(t) ? t : [t];
  return list.map((x) => table[String(x)] ?? String(x)).join(or);
}

function listValues(values: unknown): string {
  return (Array.isArray(values) ? values : [values]).map((v) => JSON.stringify(v)).join(', ');
}

/** A translated ajv error: stable code, the pointer it is best shown at, and the message. */
export interface Translated {
  pointer: string;
  code: string;
  message: Message;
}

/** Turns one ajv error into a clear message naming the property and what was expected. */
export function translateAjvError(e: ErrorObject, parentTypes: (pointer: string) => string): Translated {
  const at = e.instancePath;
  const s = subject(at);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const prop = String(p.missingProperty);
      return {
        pointer: at,
        code: 'missing-property',
        message: message(`${s.zh}缺少必填属性「${prop}」`, `${s.en} is missing the required property “${prop}”`),
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const prop = String(p.additionalProperty ?? p.unevaluatedProperty);
      return {
        pointer: `${at}/${prop.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        code: 'unknown-property',
        message: message(`${s.zh}中不认识的属性「${prop}」`, `${s.en} has an unknown property “${prop}”`),
      };
    }
    case 'type':
      return {
        pointer: at,
        code: 'wrong-type',
        message: message(
          `${s.zh}应为${typeNames(p.type, TYPE_ZH, '或')}`,
          `${s.en} must be ${typeNames(p.type, TYPE_EN, ' or ')}`,
        ),
      };
    case 'enum':
      return {
        pointer: at,
        code: 'not-allowed-value',
        message: message(
          `${s.zh}只能是以下值之一：${listValues(p.allowedValues)}`,
          `${s.en} must be one of: ${listValues(p.allowedValues)}`,
        ),
      };
    case 'const':
      return {
        pointer: at,
        code: 'not-allowed-value',
        message: message(
          `${s.zh}必须是 ${JSON.stringify(p.allowedValue)}`,
          `${s.en} must be ${JSON.stringify(p.allowedValue)}`,
        ),
      };
    case 'pattern':
      return translatePattern(at, String(p.pattern), s);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const zhOp = {
        minimum: '不能小于',
        maximum: '不能大于',
        exclusiveMinimum: '必须大于',
        exclusiveMaximum: '必须小于',
      };
      const enOp = {
        minimum: 'must be at least',
        maximum: 'must be at most',
        exclusiveMinimum: 'must be greater than',
        exclusiveMaximum: 'must be less than',
      };
      return {
        pointer: at,
        code: 'out-of-range',
        message: message(`${s.zh}${zhOp[e.keyword]} ${p.limit}`, `${s.en} ${enOp[e.keyword]} ${p.limit}`),
      };
    }
    case 'minLength':
      return {
        pointer: at,
        code: 'too-short',
        message:
          p.limit === 1
            ? message(`${s.zh}不能为空`, `${s.en} must not be empty`)
            : message(`${s.zh}至少需要 ${p.limit} 个字符`, `${s.en} must have at least ${p.limit} characters`),
      };
    case 'maxLength':
      return {
        pointer: at,
        code: 'too-long',
        message: message(`${s.zh}最多 ${p.limit} 个字符`, `${s.en} must have at most ${p.limit} characters`),
      };
    case 'minItems':
      return {
        pointer: at,
        code: 'too-few-items',
        message: message(`${s.zh}至少需要 ${p.limit} 项`, `${s.en} needs at least ${p.limit} item(s)`),
      };
    case 'maxItems':
      return {
        pointer: at,
        code: 'too-many-items',
        message: message(`${s.zh}最多 ${p.limit} 项`, `${s.en} may have at most ${p.limit} items`),
      };
    case 'minProperties':
      return {
        pointer: at,
        code: 'too-few-items',
        message: message(
          `${s.zh}至少需要 ${p.limit} 项（多语言文本需要 zh-CN 或 en）`,
          `${s.en} needs at least ${p.limit} entr${p.limit === 1 ? 'y' : 'ies'} (localized text needs zh-CN or en)`,
        ),
      };
    case 'maxProperties':
      return {
        pointer: at,
        code: 'too-many-items',
        message: message(`${s.zh}最多 ${p.limit} 项`, `${s.en} may have at most ${p.limit} entries`),
      };
    case 'uniqueItems': {
      const later = Math.max(Number(p.i), Number(p.j));
      const earlier = Math.min(Number(p.i), Number(p.j));
      return {
        pointer: `${at}/${later}`,
        code: 'duplicate-item',
        message: message(
          `${s.zh}的第 ${later + 1} 项与第 ${earlier + 1} 项重复`,
          `${s.en}: item ${later + 1} repeats item ${earlier + 1}`,
        ),
      };
    }
    case 'propertyNames': {
      const name = String(p.propertyName);
      return {
        pointer: `${at}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        code: 'invalid-id',
        message: message(
          `${s.zh}中的键「${name}」不是有效的 id（小写字母开头，只含小写字母、数字和下划线，最多 64 个字符）`,
          `${s.en}: the key “${name}” is not a valid id (a lower-case letter first, then lower-case letters, digits or _, at most 64 characters)`,
        ),
      };
    }
    case 'discriminator': {
      const allowed = parentTypes(at);
      const tag = String(p.tag);
      if (p.error === 'mapping') {
        return {
          pointer: `${at}/${tag}`,
          code: 'unknown-type',
          message: message(
            `${s.zh}的类型「${String(p.tagValue)}」在这里不可用；可用的类型：${allowed}`,
            `${s.en} has type “${String(p.tagValue)}”, which is not allowed here; allowed: ${allowed}`,
          ),
        };
      }
      return {
        pointer: at,
        code: 'missing-property',
        message: message(
          `${s.zh}缺少类型属性「${tag}」（可用：${allowed}）`,
          `${s.en} is missing its “${tag}” property (one of: ${allowed})`,
        ),
      };
    }
    default:
      return {
        pointer: at,
        code: 'invalid-value',
        message: message(`${s.zh}不符合要求：${e.message ?? ''}`, `${s.en} is not valid: ${e.message ?? ''}`),
      };
  }
}

function translatePattern(at: string, pattern: string, s: { zh: string; en: string }): Translated {
  if (pattern === ID_PATTERN) {
    return {
      pointer: at,
      code: 'invalid-id',
      message: message(
        `${s.zh}不是有效的 id：须以小写字母开头，只含小写字母、数字和下划线，最多 64 个字符`,
        `${s.en} is not a valid id: it must start with a lower-case letter and contain only lower-case letters, digits or _, at most 64 characters`,
      ),
    };
  }
  if (pattern.startsWith('^([a-z][a-z0-9_]{0,63}|\\$(')) {
    return {
      pointer: at,
      code: 'invalid-id',
      message: message(
        `${s.zh}应为字段 id，或 $createdAt、$createdBy、$updatedAt、$status、$version、$id 之一`,
        `${s.en} must be a field id or one of $createdAt, $createdBy, $updatedAt, $status, $version, $id`,
      ),
    };
  }
  return {
    pointer: at,
    code: 'pattern-mismatch',
    message: message(`${s.zh}格式不对，应匹配 ${pattern}`, `${s.en} has the wrong format; it must match ${pattern}`),
  };
}

/** Allowed `type` values for the discriminated object at `pointer`, found from where it sits. */
export function allowedTypesAt(root: unknown, pointer: string): string {
  const segs = pointerSegments(pointer);
  if (segs[0] === 'views') return 'list, aggregate, chart';
  if (segs.includes('workflow')) return 'approver, cc, condition, parallel, end';
  // fields: depth tells header field, section content or sub-table column
  const parentSegs = segs.slice(0, -2);
  let parent: unknown = root;
  for (const seg of parentSegs) {
    if (typeof parent !== 'object' || parent === null || !Object.hasOwn(parent, seg)) {
      parent = undefined;
      break;
    }
    parent = (parent as Record<string, unknown>)[seg];
  }
  const parentType = typeof parent === 'object' && parent !== null ? (parent as { type?: unknown }).type : undefined;
  if (parentType === 'subtable') return FIELD_TYPES;
  if (parentType === 'section') return `${FIELD_TYPES}, subtable`;
  return `${FIELD_TYPES}, subtable, section`;
}
