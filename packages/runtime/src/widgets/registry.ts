import { attachmentWidget } from './attachment/AttachmentWidget.tsx';
import { barcodeWidget } from './barcode/BarcodeWidget.tsx';
import { checkboxWidget } from './checkbox/CheckboxWidget.tsx';
import { dateWidget } from './date/DateWidget.tsx';
import { formulaWidget } from './formula/FormulaWidget.tsx';
import { locationWidget } from './location/LocationWidget.tsx';
import { memberWidget } from './member/MemberWidget.tsx';
import { numberWidget } from './number/NumberWidget.tsx';
import { photoWidget } from './photo/PhotoWidget.tsx';
import { radioWidget } from './radio/RadioWidget.tsx';
import { referenceWidget } from './reference/ReferenceWidget.tsx';
import { roleWidget } from './role/RoleWidget.tsx';
import { selectWidget } from './select/SelectWidget.tsx';
import { signatureWidget } from './signature/SignatureWidget.tsx';
import { subtableWidget } from './subtable/SubtableWidget.tsx';
import { textWidget } from './text/TextWidget.tsx';
import { textareaWidget } from './textarea/TextareaWidget.tsx';
import type { WidgetRegistry } from './types.ts';

/** One widget per field type: a new type is a folder under widgets/ and one line here. */
export const defaultWidgets: WidgetRegistry = {
  text: textWidget,
  textarea: textareaWidget,
  number: numberWidget,
  date: dateWidget,
  select: selectWidget,
  radio: radioWidget,
  checkbox: checkboxWidget,
  member: memberWidget,
  role: roleWidget,
  barcode: barcodeWidget,
  photo: photoWidget,
  attachment: attachmentWidget,
  signature: signatureWidget,
  location: locationWidget,
  formula: formulaWidget,
  reference: referenceWidget,
  subtable: subtableWidget,
};
