import type { Lang } from '@gongfang/schema';

/**
 * The runtime's own words, in both UI languages. A plain object instead of an i18n library: the
 * catalogue is small and this keeps the first screen light. `{name}` placeholders are filled by `t`.
 */
export const MESSAGES = {
  required: { 'zh-CN': '必填', en: 'required' },
  optional: { 'zh-CN': '选填', en: 'optional' },
  submit: { 'zh-CN': '提交', en: 'Submit' },
  errorSummaryTitle: { 'zh-CN': '还有 {count} 处需要修改', en: '{count} thing(s) to fix before submitting' },
  errorSummaryHint: { 'zh-CN': '点一项即可跳到对应字段', en: 'Tap an item to go to its field' },
  charCount: { 'zh-CN': '{count}/{max} 字', en: '{count}/{max} characters' },
  increase: { 'zh-CN': '增加{label}', en: 'Increase {label}' },
  decrease: { 'zh-CN': '减少{label}', en: 'Decrease {label}' },
  choose: { 'zh-CN': '请选择', en: 'Choose…' },
  loading: { 'zh-CN': '加载中…', en: 'Loading…' },
  none: { 'zh-CN': '未选择', en: 'None selected' },
  searchPeople: { 'zh-CN': '搜索人员', en: 'Search people' },
  pickPeople: { 'zh-CN': '选择{label}', en: 'Choose {label}' },
  noMatches: { 'zh-CN': '没有匹配的结果', en: 'No matches' },
  done: { 'zh-CN': '完成', en: 'Done' },
  clear: { 'zh-CN': '清除', en: 'Clear' },
  undo: { 'zh-CN': '撤销', en: 'Undo' },
  cancel: { 'zh-CN': '取消', en: 'Cancel' },
  remove: { 'zh-CN': '删除', en: 'Remove' },
  removeItem: { 'zh-CN': '删除 {name}', en: 'Remove {name}' },
  scanWithCamera: { 'zh-CN': '用摄像头扫码：{label}', en: 'Scan {label} with the camera' },
  scanHint: { 'zh-CN': '扫码枪扫描或手动输入后按回车', en: 'Scan with the scanner, or type and press Enter' },
  scanToAdd: { 'zh-CN': '扫码添加{label}', en: 'Scan to add to {label}' },
  scanned: { 'zh-CN': '已扫描：{code}', en: 'Scanned: {code}' },
  cameraStarting: { 'zh-CN': '正在打开摄像头…', en: 'Starting the camera…' },
  cameraFailed: { 'zh-CN': '无法打开摄像头：{reason}', en: 'Could not open the camera: {reason}' },
  cameraAim: { 'zh-CN': '将条码对准取景框', en: 'Hold the code inside the frame' },
  closeCamera: { 'zh-CN': '关闭摄像头', en: 'Close the camera' },
  takePhoto: { 'zh-CN': '拍照', en: 'Take photo' },
  photoCount: { 'zh-CN': '{count}/{max} 张', en: '{count} of {max}' },
  photoN: { 'zh-CN': '照片 {n}', en: 'Photo {n}' },
  processing: { 'zh-CN': '处理中…', en: 'Processing…' },
  chooseFile: { 'zh-CN': '选择文件', en: 'Choose file' },
  fileTooLarge: { 'zh-CN': '「{name}」超过 {max} MB', en: '“{name}” is larger than {max} MB' },
  saveFailed: { 'zh-CN': '保存失败：{reason}', en: 'Could not save: {reason}' },
  sign: { 'zh-CN': '签名', en: 'Sign' },
  signAgain: { 'zh-CN': '重新签名', en: 'Sign again' },
  signHere: { 'zh-CN': '请在此处签名：{label}', en: 'Sign here: {label}' },
  signatureOf: { 'zh-CN': '{label}的签名', en: 'Signature: {label}' },
  getLocation: { 'zh-CN': '获取位置', en: 'Get location' },
  locating: { 'zh-CN': '定位中…', en: 'Locating…' },
  accuracy: { 'zh-CN': '精度 ±{m} 米', en: 'accurate to ±{m} m' },
  tooInaccurate: {
    'zh-CN': '定位精度 ±{m} 米，需要 {max} 米以内，请到开阔处重试',
    en: 'Accuracy is ±{m} m, needs {max} m or better; try again in the open',
  },
  locationFailed: { 'zh-CN': '无法定位：{reason}', en: 'Could not get the location: {reason}' },
  noGeolocation: { 'zh-CN': '此设备不支持定位', en: 'This device cannot give a location' },
  rowN: { 'zh-CN': '第 {n} 行', en: 'Row {n}' },
  cellLabel: { 'zh-CN': '{label}（第 {n} 行）', en: '{label}, row {n}' },
  addRow: { 'zh-CN': '添加一行', en: 'Add row' },
  removeRow: { 'zh-CN': '删除第 {n} 行', en: 'Remove row {n}' },
  moveUp: { 'zh-CN': '上移第 {n} 行', en: 'Move row {n} up' },
  moveDown: { 'zh-CN': '下移第 {n} 行', en: 'Move row {n} down' },
  rowCount: { 'zh-CN': '共 {count} 行', en: '{count} row(s)' },
  noRows: { 'zh-CN': '还没有行，点“添加一行”', en: 'No rows yet: tap “Add row”' },
  noRowsScan: { 'zh-CN': '还没有行，扫码或点“添加一行”', en: 'No rows yet: scan a code or tap “Add row”' },
  total: { 'zh-CN': '合计', en: 'Total' },
  totalOf: { 'zh-CN': '{label}合计', en: 'Total {label}' },
  expand: { 'zh-CN': '展开', en: 'Expand' },
  collapse: { 'zh-CN': '收起', en: 'Collapse' },
  language: { 'zh-CN': '语言', en: 'Language' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
  unknownField: { 'zh-CN': '不支持的字段类型「{type}」', en: 'Unsupported field type “{type}”' },
} as const satisfies Record<string, Record<Lang, string>>;

export type MessageKey = keyof typeof MESSAGES;
export type Translate = (key: MessageKey, params?: Readonly<Record<string, string | number>>) => string;

export function translate(lang: Lang): Translate {
  return (key, params) => {
    const text: string = MESSAGES[key][lang];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : m));
  };
}
