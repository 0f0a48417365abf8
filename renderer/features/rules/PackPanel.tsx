import { useId, useState } from 'react';
import type { PackInspection } from '../../../preload/contract/rules';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { saveFile } from '../../components/download';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { useT } from '../../i18n';
import { EffectsPreview } from './EffectsPreview';
import { rulesText } from './i18n';

/**
 * Rule packs move as text through the renderer: the file is picked or dropped here and sent as
 * text; main shows its SHA-256 and signature, and imports only the text it inspected.
 */
export function PackPanel({ onImported }: { onImported(): void }) {
  const t = useT(rulesText);
  const toast = useApp((s) => s.toast);
  const language = useApp((s) => s.language);
  const fileId = useId();
  const effectsId = useId();
  const [text, setText] = useState<string | null>(null);
  const [inspection, setInspection] = useState<PackInspection | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<AppErrorDto>();
  const [busy, setBusy] = useState(false);

  const exportAll = async () => {
    const r = await api.call('rules.exportPack', {});
    if (!r.ok) return setError(r.error);
    saveFile(r.value.filename, r.value.json, 'application/json');
    toast(t('exported', { n: r.value.rules, sha: `${r.value.sha256.slice(0, 12)}…` }));
  };
  const read = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setInspection(null);
    const content = await file.text();
    setText(content);
    const r = await api.call('rules.inspectPack', { text: content });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setInspection(r.value);
  };
  const importNow = async () => {
    if (!text || !inspection) return;
    setBusy(true);
    const r = await api.call('rules.importPack', { text, sha256: inspection.sha256, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('imported', { n: r.value.effects.deadlines.length + r.value.effects.more }));
    setInspection(null);
    setText(null);
    setReason('');
    onImported();
  };
  const sig = inspection?.signature;

  return (
    <section
      className="card rules-packs"
      aria-labelledby="rules-packs-title"
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.preventDefault();
        void read(e.dataTransfer.files[0]);
      }}
    >
      <h2 id="rules-packs-title">{t('packsTitle')}</h2>
      <p className="muted">{t('packsIntro')}</p>
      <ErrorBanner error={error} />
      <div className="form-actions">
        <button type="button" onClick={() => void exportAll()}>
          {t('exportAll')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={fileId}>{t('importFile')}</label>
        <input id={fileId} type="file" accept=".json,application/json" onChange={(e) => void read(e.target.files?.[0])} />
        <div className="field__hint">{t('dropHint')}</div>
      </div>
      {busy && !inspection ? <p role="status">{t('inspecting')}</p> : null}
      {inspection ? (
        <div className="rules-pack" role="region" aria-label={t('packsTitle')}>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('sha')}</dt>
              <dd className="mono rules-pack__sha">{inspection.sha256}</dd>
            </div>
            {inspection.publisher ? (
              <div className="facts__row">
                <dt>{t('publisher')}</dt>
                <dd>{inspection.publisher}</dd>
              </div>
            ) : null}
            {inspection.createdAt ? (
              <div className="facts__row">
                <dt>{t('createdAt')}</dt>
                <dd>{formatInstant(inspection.createdAt, language)}</dd>
              </div>
            ) : null}
          </dl>
          {sig ? (
            <p className={`banner ${sig.state === 'valid' ? 'banner--ok' : sig.state === 'unsigned' ? 'banner--warn' : 'banner--error'}`}>
              {t(`sig_${sig.state}`, { name: sig.publisherName ?? '', fp: sig.keyFingerprint ?? '' })}
            </p>
          ) : null}
          {inspection.problem ? (
            <p className="banner banner--error" role="alert">
              {t('refused', { path: inspection.problem.path, message: inspection.problem.message })}
            </p>
          ) : null}
          {inspection.rules.length ? (
            <>
              <h3>{t('packRules')}</h3>
              <ul className="rules-pack__rules">
                {inspection.rules.map((r) => (
                  <li key={r.key}>
                    <span className="mono">{r.key}</span> — {t(`rc_${r.change}`)}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {inspection.effects ? <EffectsPreview effects={inspection.effects} headingId={effectsId} /> : null}
          {!inspection.problem ? (
            <>
              <TextField label={t('importReason')} value={reason} onChange={setReason} required error={fieldError(error, 'reason')} />
              <div className="form-actions">
                <button type="button" className="primary" disabled={busy || !reason.trim()} onClick={() => void importNow()}>
                  {t('importNow')}
                </button>
              </div>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
