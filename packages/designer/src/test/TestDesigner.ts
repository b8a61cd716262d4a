// A harness that drives the real editor core (tldraw's TestEditor idea): problems computed
// synchronously, and shorthands that read like what a person does in the designer.
import type { AppDefinition } from '@gongfang/schema';
import { Designer } from '../store/Designer.ts';
import type { DesignerOptions } from '../store/DesignerCore.ts';
import type { AnyField, FieldType } from '../store/fieldTypes.ts';
import { ROOT } from '../store/tree.ts';

export class TestDesigner extends Designer {
  constructor(options: Omit<DesignerOptions, 'problemsDelay'> = {}) {
    super({ ...options, problemsDelay: 0 });
  }

  /** Adds at the end of a container (the form by default) and returns the new key. */
  add(type: FieldType, container = ROOT, index = Number.MAX_SAFE_INTEGER): string {
    const key = this.addField(type, { container, index });
    if (!key) throw new Error(`${container || 'the form'} refused a ${type}`);
    return key;
  }

  /** Keys of the open form's top-level fields, or of a container's children. */
  keys(container = ROOT): string[] {
    const list =
      container === ROOT ? this.form.fields : ((this.field(container) as { fields?: AnyField[] })?.fields ?? []);
    return list.map((f) => (this.field(container)?.type === 'subtable' ? `${container}.${f.id}` : f.id));
  }

  get<F = AnyField>(key: string): F {
    const f = this.field(key);
    if (!f) throw new Error(`no field ${key}`);
    return f as F;
  }

  undoAll(): number {
    let n = 0;
    while (this.undo()) n++;
    return n;
  }

  redoAll(): number {
    let n = 0;
    while (this.redo()) n++;
    return n;
  }

  snapshot(): AppDefinition {
    return structuredClone(this.doc);
  }
}
