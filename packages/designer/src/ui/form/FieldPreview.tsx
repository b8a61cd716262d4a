import { type Lang, localize, type Option } from '@gongfang/schema';
import type { AnyField } from '../../store/fieldTypes.ts';

const WORDS = {
  choose: { 'zh-CN': '请选择', en: 'Choose…' },
  scan: { 'zh-CN': '扫码或输入', en: 'Scan or type' },
  photo: { 'zh-CN': '拍照', en: 'Take photo' },
  file: { 'zh-CN': '选择文件', en: 'Choose file' },
  sign: { 'zh-CN': '在此手写签名', en: 'Sign here' },
  locate: { 'zh-CN': '获取当前位置', en: 'Get my position' },
  people: { 'zh-CN': '选择人员', en: 'Choose people' },
  record: { 'zh-CN': '选择记录', en: 'Choose a record' },
  date: { 'zh-CN': '年 / 月 / 日', en: 'yyyy / mm / dd' },
  time: { 'zh-CN': '时 : 分', en: 'hh : mm' },
} as const;

/**
 * A still picture of the field as the runtime draws it (label, required mark, control, help),
 * in the runtime's colours. Nothing in it is focusable: the card around it is the control here.
 */
export function FieldPreview({ field, lang }: { field: AnyField; lang: Lang }) {
  const w = (k: keyof typeof WORDS) => WORDS[k][lang];
  const label = localize(field.label, lang) || field.id;
  const required = 'required' in field && field.required === true;
  const conditional = Boolean(field.visibleWhen || ('requiredWhen' in field && field.requiredWhen));
  if (field.type === 'section') {
    return (
      <div className="dz-pv-section-title">
        {label}
        {field.help ? <span className="dz-pv-help"> — {localize(field.help, lang)}</span> : null}
      </div>
    );
  }
  const placeholder = 'placeholder' in field && field.placeholder ? localize(field.placeholder, lang) : '';
  let control: React.ReactNode;
  switch (field.type) {
    case 'textarea':
      control = <div className="dz-pv-input dz-pv-tall">{placeholder}</div>;
      break;
    case 'number':
      control = (
        <div className="dz-pv-input dz-pv-number">
          <span>{placeholder || (field.min !== undefined ? `≥ ${field.min}` : '0')}</span>
          {field.unit ? <em>{localize(field.unit, lang)}</em> : null}
        </div>
      );
      break;
    case 'date':
      control = <div className="dz-pv-input">{field.mode === 'time' ? w('time') : w('date')}</div>;
      break;
    case 'select':
      control = <div className="dz-pv-input dz-pv-select">{placeholder || w('choose')}</div>;
      break;
    case 'radio':
    case 'checkbox':
      control = <Choices options={field.options} lang={lang} box={field.type === 'checkbox'} />;
      break;
    case 'barcode':
      control = <div className="dz-pv-input dz-pv-scan">{w('scan')}</div>;
      break;
    case 'photo':
    case 'attachment':
      control = <div className="dz-pv-tile">＋ {field.type === 'photo' ? w('photo') : w('file')}</div>;
      break;
    case 'signature':
      control = <div className="dz-pv-pad">{w('sign')}</div>;
      break;
    case 'location':
      control = <div className="dz-pv-button">{w('locate')}</div>;
      break;
    case 'member':
    case 'role':
      control = <div className="dz-pv-input dz-pv-select">{w('people')}</div>;
      break;
    case 'reference':
      control = <div className="dz-pv-input dz-pv-select">{w('record')}</div>;
      break;
    case 'formula':
      control = (
        <div className="dz-pv-input dz-pv-formula">
          <code>= {field.expression}</code>
          {field.unit ? <em>{localize(field.unit, lang)}</em> : null}
        </div>
      );
      break;
    case 'subtable':
      control = null;
      break;
    default:
      control = <div className="dz-pv-input">{placeholder}</div>;
  }
  return (
    <div className="dz-pv">
      <div className="dz-pv-label">
        {label}
        {required ? <span className="dz-pv-required">*</span> : null}
        {conditional ? <span className="dz-pv-rule">ƒx</span> : null}
      </div>
      {control}
      {field.help ? <p className="dz-pv-help">{localize(field.help, lang)}</p> : null}
    </div>
  );
}

function Choices({ options, lang, box }: { options: Option[] | undefined; lang: Lang; box: boolean }) {
  const shown = (options ?? []).slice(0, 6);
  return (
    <div className="dz-pv-choices">
      {shown.map((o) => (
        <span key={o.value} className={box ? 'dz-pv-box' : 'dz-pv-pill'}>
          {localize(o.label, lang) || o.value}
        </span>
      ))}
      {(options?.length ?? 0) > 6 ? <span className="dz-muted">+{(options?.length ?? 0) - 6}</span> : null}
    </div>
  );
}
