import type { AppDefinition, AttachmentField, ColumnField, Field } from '../generated/types.ts';
import { about, type Label, labelOf } from './label.ts';
import type { Problem } from './types.ts';

/** Checks one non-blank value of a field; `undefined` means the value is fine. */
export type ValueCheck = (value: unknown) => Problem | undefined;

const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATETIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const SHA256 = /^[0-9a-f]{64}$/;
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function realDate(m: RegExpExecArray): boolean {
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (d > DAYS[mo - 1]!) return false;
  return !(mo === 2 && d === 29 && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)));
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Builds the value check of a field (not sub-tables, sections or formulas: the caller handles those). */
export function compileValueCheck(field: Field | ColumnField, app?: AppDefinition): ValueCheck | undefined {
  const label = labelOf(field);
  const bad = (code: string, zh: string, en: string): Problem => ({ code, message: about(label, zh, en) });
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'barcode': {
      const max =
        'maxLength' in field && field.maxLength !== undefined
          ? field.maxLength
          : field.type === 'textarea'
            ? 2000
            : field.type === 'text'
              ? 200
              : 10000;
      const min = field.type === 'text' ? (field.minLength ?? 0) : 0;
      const pattern = 'pattern' in field && field.pattern !== undefined ? wholeMatch(field.pattern) : undefined;
      const patternMessage = 'patternMessage' in field ? field.patternMessage : undefined;
      return (v) => {
        if (typeof v !== 'string') return bad('wrong-type', '应为文本', 'must be text');
        if (v.length > max) return bad('too-long', `最多 ${max} 个字符`, `must have at most ${max} characters`);
        if (v.length < min) return bad('too-short', `至少需要 ${min} 个字符`, `must have at least ${min} characters`);
        if (pattern && !pattern.test(v)) {
          if (patternMessage) {
            const zh = patternMessage['zh-CN'] ?? patternMessage.en ?? '';
            const en = patternMessage.en ?? patternMessage['zh-CN'] ?? '';
            return { code: 'pattern-mismatch', message: { 'zh-CN': zh, en } };
          }
          return bad('pattern-mismatch', '格式不正确', 'has the wrong format');
        }
        return undefined;
      };
    }
    case 'number': {
      const { min, max, precision } = field;
      const scale = precision === undefined ? 0 : 10 ** precision;
      return (v) => {
        if (typeof v !== 'number' || !Number.isFinite(v)) return bad('wrong-type', '应为数字', 'must be a number');
        if (min !== undefined && v < min) return bad('too-small', `不能小于 ${min}`, `must be at least ${min}`);
        if (max !== undefined && v > max) return bad('too-large', `不能大于 ${max}`, `must be at most ${max}`);
        if (precision !== undefined) {
          const s = v * scale;
          if (Math.abs(s - Math.round(s)) > 1e-9 * Math.max(1, Math.abs(s))) {
            return precision === 0
              ? bad('precision', '应为整数', 'must be a whole number')
              : bad('precision', `最多 ${precision} 位小数`, `may have at most ${precision} decimal places`);
          }
        }
        return undefined;
      };
    }
    case 'date': {
      const mode = field.mode ?? 'date';
      if (mode === 'time')
        return (v) =>
          typeof v === 'string' && TIME.test(v)
            ? undefined
            : bad('wrong-format', '应为 HH:mm 格式的时间', 'must be a time as HH:mm');
      if (mode === 'datetime')
        return (v) =>
          typeof v === 'string' && DATETIME.test(v) && !Number.isNaN(Date.parse(v))
            ? undefined
            : bad('wrong-format', '应为带时区的 ISO 8601 日期时间', 'must be an ISO 8601 date-time with offset');
      return (v) => {
        const m = typeof v === 'string' ? DATE.exec(v) : null;
        return m && realDate(m)
          ? undefined
          : bad('wrong-format', '应为 YYYY-MM-DD 格式的日期', 'must be a date as YYYY-MM-DD');
      };
    }
    case 'select':
    case 'radio':
    case 'checkbox':
    case 'member':
    case 'role':
    case 'reference': {
      const multiple =
        field.type === 'checkbox' || ((field.type === 'select' || field.type === 'member') && field.multiple === true);
      const allowed = allowedValues(field, app);
      const minSel = field.type === 'checkbox' ? field.minSelected : undefined;
      const maxSel = field.type === 'checkbox' ? field.maxSelected : undefined;
      const one = (v: unknown): Problem | undefined => {
        if (typeof v !== 'string') return bad('wrong-type', '应为文本', 'must be text');
        if (allowed && !allowed.has(v)) return bad('not-an-option', `不能选择「${v}」`, `cannot be “${v}”`);
        return undefined;
      };
      if (!multiple) return one;
      return (v) => {
        if (!Array.isArray(v)) return bad('wrong-type', '应为列表', 'must be a list');
        for (let i = 0; i < v.length; i++) {
          const p = one(v[i]);
          if (p) return p;
          if (v.indexOf(v[i]) !== i) return bad('duplicate-value', `重复选择了「${v[i]}」`, `has “${v[i]}” twice`);
        }
        if (minSel !== undefined && v.length < minSel)
          return bad('too-few', `至少选择 ${minSel} 项`, `needs at least ${minSel} selected`);
        if (maxSel !== undefined && v.length > maxSel)
          return bad('too-many', `最多选择 ${maxSel} 项`, `may have at most ${maxSel} selected`);
        return undefined;
      };
    }
    case 'photo':
    case 'attachment': {
      const maxCount = field.maxCount ?? (field.type === 'photo' ? 9 : 5);
      const file = fileCheck(label, field.type === 'attachment' ? field : undefined, field.type === 'photo');
      return (v) => {
        if (!Array.isArray(v)) return bad('wrong-type', '应为文件列表', 'must be a list of files');
        if (v.length > maxCount)
          return bad('too-many', `最多 ${maxCount} 个文件`, `may have at most ${maxCount} files`);
        for (const f of v) {
          const p = file(f);
          if (p) return p;
        }
        return undefined;
      };
    }
    case 'signature':
      return fileCheck(label, undefined, true);
    case 'location': {
      const maxAccuracy = field.maxAccuracyMeters;
      return (v) => {
        if (!isObject(v)) return bad('wrong-type', '应为位置 {lat, lng}', 'must be a position {lat, lng}');
        for (const k in v) {
          if (k !== 'lat' && k !== 'lng' && k !== 'accuracy' && k !== 'at')
            return bad('unknown-property', `含有未知属性「${k}」`, `has an unknown property “${k}”`);
        }
        const { lat, lng, accuracy, at } = v;
        if (
          typeof lat !== 'number' ||
          !(lat >= -90 && lat <= 90) ||
          typeof lng !== 'number' ||
          !(lng >= -180 && lng <= 180)
        )
          return bad('wrong-type', '的经纬度无效', 'has an invalid latitude/longitude');
        if (accuracy !== undefined && (typeof accuracy !== 'number' || !(accuracy >= 0)))
          return bad('wrong-type', '的精度应为非负数', 'accuracy must be a non-negative number');
        if (at !== undefined && (typeof at !== 'string' || !DATETIME.test(at)))
          return bad('wrong-format', '的定位时间应为 ISO 8601 日期时间', 'time must be an ISO 8601 date-time');
        if (maxAccuracy !== undefined && (accuracy === undefined || accuracy > maxAccuracy))
          return bad('inaccurate', `定位精度应在 ${maxAccuracy} 米以内`, `must be accurate to ${maxAccuracy} m`);
        return undefined;
      };
    }
    default:
      return undefined;
  }
}

function allowedValues(field: Field | ColumnField, app?: AppDefinition): Set<string> | undefined {
  if ((field.type === 'select' || field.type === 'radio' || field.type === 'checkbox') && field.options)
    return new Set(field.options.map((o) => o.value));
  if (field.type === 'role') {
    if (field.roles) return new Set(field.roles);
    if (app) return new Set(app.roles.map((r) => r.id));
  }
  return undefined;
}

/** `^(?:pattern)$` so the whole value must match; an invalid pattern checks nothing (validateDefinition reports it). */
function wholeMatch(pattern: string): RegExp | undefined {
  try {
    return new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    return undefined;
  }
}

function fileCheck(label: Label, attachment: AttachmentField | undefined, image: boolean): ValueCheck {
  const maxBytes = attachment ? (attachment.maxSizeMB ?? 10) * 1024 * 1024 : Number.POSITIVE_INFINITY;
  const accept = attachment?.accept;
  const bad = (code: string, zh: string, en: string): Problem => ({ code, message: about(label, zh, en) });
  return (f) => {
    if (!isObject(f))
      return bad('wrong-type', '应为文件 {id, name, type, size}', 'must be a file {id, name, type, size}');
    for (const k in f) {
      if (k !== 'id' && k !== 'name' && k !== 'type' && k !== 'size')
        return bad('unknown-property', `的文件含有未知属性「${k}」`, `has a file with an unknown property “${k}”`);
    }
    const { id, name, type, size } = f;
    if (typeof id !== 'string' || !SHA256.test(id))
      return bad('wrong-format', '的文件 id 应为内容的 SHA-256', 'has a file whose id is not a SHA-256 of its content');
    if (typeof name !== 'string' || name === '' || typeof type !== 'string' || typeof size !== 'number' || !(size >= 0))
      return bad('wrong-type', '的文件应有名称、类型和大小', 'has a file without a name, type or size');
    if (image && !type.startsWith('image/')) return bad('wrong-file-type', '只能是图片', 'must be an image');
    if (size > maxBytes)
      return bad(
        'too-large',
        `的文件不能超过 ${maxBytes / 1024 / 1024} MB`,
        `has a file larger than ${maxBytes / 1024 / 1024} MB`,
      );
    if (accept && !accept.some((a) => acceptMatches(a, name, type)))
      return bad('wrong-file-type', `不接受文件「${name}」的类型`, `does not accept the type of “${name}”`);
    return undefined;
  };
}

function acceptMatches(accept: string, name: string, type: string): boolean {
  if (accept.startsWith('.')) return name.toLowerCase().endsWith(accept);
  if (accept.endsWith('/*')) return type.startsWith(accept.slice(0, -1));
  return type === accept;
}
