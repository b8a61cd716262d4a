import './publish.css';
import { type DefinitionError, localize, walkFields } from '@gongfang/schema';
import { useCallback, useEffect, useId, useState } from 'react';
import type { DraftClient } from '../client/draftClient.ts';
import { flushAutosave } from '../client/useAutosave.ts';
import { locateProblem } from '../store/problems.ts';
import { useDesigner, useDesignerState, useLang } from '../ui/DesignerContext.tsx';
import { usePublishT } from './messages.ts';
import type { DiffEntry, RegistryClient, VersionInfo } from './registryClient.ts';

export interface Stranded {
  form: string;
  field: string;
  oldType: string;
  newType: string;
  records: number;
}

interface Props {
  client: DraftClient;
  registry: RegistryClient;
  /** IT admins may publish the app as a template. */
  canPublishTemplate: boolean;
  onClose: () => void;
}

type Phase = { step: 'saving' } | { step: 'ready' } | { step: 'busy' } | { step: 'map'; stranded: Stranded[] };

/** Publish: version note, the server's diff against the published version, its refusals, the mapping step. */
export function PublishDialog({ client, registry, canPublishTemplate, onClose }: Props) {
  const t = usePublishT();
  const lang = useLang();
  const designer = useDesigner();
  const titleId = useId();
  const appId = useDesignerState((s) => s.doc.id);
  const localProblems = useDesignerState((s) => s.problems.length);
  const [phase, setPhase] = useState<Phase>({ step: 'saving' });
  const [note, setNote] = useState('');
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [diff, setDiff] = useState<DiffEntry[] | null>(null);
  const [errors, setErrors] = useState<DefinitionError[]>([]);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    await flushAutosave(designer);
    const list = await registry.versions(appId);
    setVersions(list);
    const current = list[0]?.version;
    setDiff(current ? await registry.diff(appId, current) : null);
    setPhase({ step: 'ready' });
  }, [designer, registry, appId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const publish = async (confirmed?: Record<string, string | null>) => {
    setPhase({ step: 'busy' });
    setErrors([]);
    setFailure(null);
    await flushAutosave(designer);
    const result = await client.publish(appId, {
      note,
      ...(confirmed ? { confirm: true, mapping: confirmed } : {}),
    });
    if (result.ok) {
      setDone(t('published', { v: result.version }));
      setNote('');
      await refresh();
      return;
    }
    const details = (result.details ?? {}) as { errors?: DefinitionError[]; stranded?: Stranded[] };
    if (result.code === 'confirm-required' && details.stranded) {
      setMapping(Object.fromEntries(details.stranded.map((s) => [`${s.form}.${s.field}`, null])));
      setPhase({ step: 'map', stranded: details.stranded });
      return;
    }
    setErrors(details.errors ?? []);
    setFailure(result.message[lang]);
    setPhase({ step: 'ready' });
  };

  const goTo = (e: DefinitionError) => {
    designer.goToProblem(locateProblem(designer.doc, e));
    onClose();
  };

  const asTemplate = async () => {
    const result = await registry.publishTemplate(appId, note || (versions[0]?.note ?? ''));
    setDone(result.ok ? t('templatePublished') : result.message[lang]);
  };

  const current = versions[0]?.version;
  return (
    <div className="pz-backdrop">
      <div className="pz-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId}>
        <header className="pz-head">
          <h2 id={titleId}>{t('publishTitle')}</h2>
          <button type="button" className="fz-x" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="pz-body">
          {phase.step === 'saving' ? <p role="status">{t('saving')}</p> : null}
          {done ? (
            <p className="pz-done" role="status">
              {done}
            </p>
          ) : null}
          {phase.step === 'map' ? (
            <MappingStep stranded={phase.stranded} mapping={mapping} onChange={setMapping} />
          ) : (
            <>
              <label className="pz-label" htmlFor={`${titleId}-note`}>
                {t('note')}
              </label>
              <textarea
                id={`${titleId}-note`}
                rows={2}
                value={note}
                placeholder={t('notePlaceholder')}
                onChange={(e) => setNote(e.target.value)}
              />
              <section aria-label={current ? t('changes', { v: current }) : t('firstVersion')}>
                <h3>{current ? t('changes', { v: current }) : t('firstVersion')}</h3>
                {diff && diff.length === 0 ? <p className="dz-hint">{t('noChanges')}</p> : null}
                {diff?.length ? (
                  <ul className="pz-diff">
                    {diff.map((c) => (
                      <li key={`${c.kind}:${c.pointer}`} className={`is-${c.kind.split('.')[1]}`}>
                        <span className="pz-kind">{c.kind}</span>
                        {c.summary[lang]}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </section>
            </>
          )}
          {localProblems > 0 && errors.length === 0 ? (
            <p className="pz-warn">{t('localProblems', { n: localProblems })}</p>
          ) : null}
          {failure ? (
            <div className="pz-errors" role="alert">
              <p>
                {t('serverProblems')} {failure}
              </p>
              <ul>
                {errors.map((e) => (
                  <li key={`${e.pointer}:${e.code}`}>
                    <button type="button" className="dz-link" onClick={() => goTo(e)}>
                      {e.message[lang]}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <section className="pz-versions" aria-label={t('versions')}>
            <h3>{t('versions')}</h3>
            {versions.length === 0 ? <p className="dz-hint">{t('noVersions')}</p> : null}
            <ol>
              {versions.map((v) => (
                <li key={v.version}>
                  <strong>v{v.version}</strong> <span>{v.note || '—'}</span>{' '}
                  <small>
                    {v.publishedBy ?? ''} {v.publishedAt ? new Date(v.publishedAt).toLocaleString(lang) : ''}
                  </small>
                </li>
              ))}
            </ol>
          </section>
        </div>
        <footer className="pz-foot">
          {canPublishTemplate ? (
            <button
              type="button"
              className="dz-button"
              disabled={!current || phase.step !== 'ready'}
              title={current ? undefined : t('templateNeedsVersion')}
              onClick={() => void asTemplate()}
            >
              {t('asTemplate')}
            </button>
          ) : null}
          <span className="pz-grow" />
          <button type="button" className="dz-button" onClick={onClose}>
            {t('close')}
          </button>
          {phase.step === 'map' ? (
            <button type="button" className="dz-button is-primary" onClick={() => void publish(mapping)}>
              {t('publishMapped')}
            </button>
          ) : (
            <button
              type="button"
              className="dz-button is-primary"
              disabled={phase.step !== 'ready'}
              onClick={() => void publish()}
            >
              {t('publish')}
            </button>
          )}
        </footer>
      </div>
    </div>
  );
}

/** Each stranded field → a field of the same type in the new version, or dropped knowingly. */
function MappingStep({
  stranded,
  mapping,
  onChange,
}: {
  stranded: Stranded[];
  mapping: Record<string, string | null>;
  onChange: (m: Record<string, string | null>) => void;
}) {
  const t = usePublishT();
  const lang = useLang();
  const forms = useDesignerState((s) => s.doc.forms);
  return (
    <section className="pz-map" aria-label={t('confirmTitle')}>
      <h3>{t('confirmTitle')}</h3>
      <p className="dz-hint">{t('confirmHint')}</p>
      {stranded.map((s) => {
        const key = `${s.form}.${s.field}`;
        const form = forms.find((f) => f.id === s.form);
        const targets = form ? walkFields(form).filter((e) => e.field.type === s.oldType && e.path !== s.field) : [];
        return (
          <div key={key} className="pz-map-row">
            <p>
              {t('stranded', {
                field: key,
                old: s.oldType,
                next: s.newType === 'removed' ? t('removed') : s.newType,
                n: s.records,
              })}
            </p>
            <label>
              <span className="dz-sr">{t('mapTo', { field: key })}</span>
              <select
                aria-label={t('mapTo', { field: key })}
                value={mapping[key] ?? ''}
                onChange={(e) => onChange({ ...mapping, [key]: e.target.value || null })}
              >
                <option value="">{t('drop')}</option>
                {targets.map((e) => (
                  <option key={e.path} value={e.path}>
                    {localize(e.field.label, lang)} ({e.path})
                  </option>
                ))}
              </select>
            </label>
          </div>
        );
      })}
    </section>
  );
}
