import { useId, useState } from 'react';
import type { RecomputeEffects, RuleDto, RuleSource, RuleVersionDto } from '../../../preload/contract/rules';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { useLocalized, useT } from '../../i18n';
import { EffectsPreview } from './EffectsPreview';
import { rulesText } from './i18n';
import { ParamEditor } from './ParamEditor';
import { useSpan } from './span';

interface Props {
  rule: RuleDto;
  /** Edit: the version corrected. Add: the version the new one starts from. */
  base: RuleVersionDto;
  mode: 'edit' | 'add';
  onDone(rules: RuleDto[]): void;
  onCancel(): void;
}

/** Correct a version or add one from a date: preview first (nothing kept), then apply with a reason. */
export function RuleEditor({ rule, base, mode, onDone, onCancel }: Props) {
  const t = useT(rulesText);
  const L = useLocalized();
  const span = useSpan();
  const toast = useApp((s) => s.toast);
  const headingId = useId();
  const effectsId = useId();
  const [params, setParams] = useState<Record<string, unknown>>(() => structuredClone(base.params));
  const [source, setSource] = useState<RuleSource>(() => structuredClone(base.source));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(base.effectiveTo ?? '');
  const [reason, setReason] = useState('');
  const [effects, setEffects] = useState<RecomputeEffects | null>(null);
  const [error, setError] = useState<AppErrorDto>();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const change = () =>
    mode === 'edit'
      ? { kind: 'edit' as const, versionId: base.id, params, source, effectiveTo: to || null }
      : { kind: 'add' as const, key: rule.key, effectiveFrom: from, params, source };
  const err = (path: string) => fieldError(error, path);
  const edited = () => setEffects(null);

  const runPreview = async () => {
    setBusy(true);
    const r = await api.call('rules.preview', change());
    setBusy(false);
    if (!r.ok) return (setError(r.error), setEffects(null));
    setError(undefined);
    setEffects(r.value);
  };
  const apply = async () => {
    setConfirming(false);
    setBusy(true);
    const r = await api.call('rules.apply', { ...change(), reason });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    toast(t('applied', { n: r.value.effects.deadlines.length + r.value.effects.more }));
    onDone(r.value.rules);
  };

  return (
    <>
    <form
      className="rule-editor"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void runPreview();
      }}
    >
      <h4 id={headingId}>{mode === 'edit' ? t('editTitle', { span: span(base) }) : t('addTitle', { name: L(base.name) })}</h4>
      <ErrorBanner error={error} />
      {mode === 'add' ? (
        <TextField label={t('effectiveFrom')} hint={t('effectiveFromHint')} type="date" value={from} onChange={(v) => (setFrom(v), edited())} required error={err('effectiveFrom')} />
      ) : (
        <TextField label={t('effectiveTo')} type="date" value={to} onChange={(v) => (setTo(v), edited())} error={err('effectiveTo') ?? err('version.effectiveTo')} />
      )}
      <ParamEditor fields={rule.fields} value={params} onChange={(v) => (setParams(v), edited())} error={err} />
      <fieldset className="param">
        <legend>{t('source')}</legend>
        <div className="form-grid">
          <SelectField<'official' | 'commentary'>
            label={t('sourceKind')}
            value={source.kind}
            onChange={(kind) => (setSource({ ...source, kind }), edited())}
            options={[
              { value: 'official', label: t('official') },
              { value: 'commentary', label: t('commentary') },
            ]}
          />
          <TextField label={t('article')} value={source.article} onChange={(article) => (setSource({ ...source, article }), edited())} error={err('source.article')} />
          <TextField label={t('instrumentEn')} value={source.instrument.en} onChange={(en) => (setSource({ ...source, instrument: { ...source.instrument, en } }), edited())} />
          <TextField label={t('instrumentZh')} value={source.instrument.zh} onChange={(zh) => (setSource({ ...source, instrument: { ...source.instrument, zh } }), edited())} />
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
        <button type="submit" disabled={busy}>
          {t('preview')}
        </button>
      </div>
      {effects ? (
        <>
          <EffectsPreview effects={effects} headingId={effectsId} />
          <TextField label={t('reason')} value={reason} onChange={setReason} required multiline rows={2} error={err('reason')} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={busy || !reason.trim()} onClick={() => setConfirming(true)}>
              {t('apply')}
            </button>
          </div>
        </>
      ) : null}
    </form>
    {/* Outside the form: a dialog's own form cannot nest in another. */}
    <ConfirmDialog open={confirming} title={t('applyConfirm')} confirmLabel={t('apply')} onConfirm={() => void apply()} onCancel={() => setConfirming(false)}>
      <p>{reason}</p>
    </ConfirmDialog>
    </>
  );
}
