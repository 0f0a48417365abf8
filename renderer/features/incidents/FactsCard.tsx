import { useState, type ReactNode } from 'react';
import type { Jurisdiction, TranslatableText } from '../../../preload/contract/common';
import { INCIDENT_FACT_LABELS, TRANSLATABLE_FACTS, type Incident, type IncidentFacts } from '../../../preload/contract/incidents';
import { api, useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { TranslatableField, TranslatableValue } from '../../components/TranslatableField';
import { formatInstant, formatNumber, isoToLocalInput, localInputToIso } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { incidentsText } from './i18n';
import { JURISDICTIONS, splitList } from './options';

interface Props {
  incident: Incident;
  onChange(next: Incident): void;
}

type Draft = Record<keyof IncidentFacts, string | boolean | string[] | null | Record<string, number> | TranslatableText>;

/** The US states with their own breach clocks: their resident counts are asked for when listed. */
const US_STATES = ['US-NY', 'US-TX', 'US-CO', 'US-WA', 'US-FL'] as const;

const INSTANTS = ['discoveredAt', 'occurredAt', 'containedAt', 'handlingEndedAt'] as const;
const COUNTS = ['individualsAffected', 'sensitiveIndividualsAffected', 'californiaResidentsAffected', 'recordsAffected', 'directLossRmb'] as const;
const LISTS = ['affectedSystems', 'piCategories', 'sensitivePiCategories'] as const;
/** Reasons kept for the record only (not printed in notices): one language is enough. */
const TEXTS = ['gdprRiskReason', 'gdpr34ExceptionReason'] as const;
const isTranslatable = (k: keyof IncidentFacts): k is (typeof TRANSLATABLE_FACTS)[number] => (TRANSLATABLE_FACTS as readonly string[]).includes(k);

/** The facts, read-only until "Edit"; saving recomputes the obligations in main. */
export function FactsCard({ incident, onChange }: Props) {
  const t = useT(incidentsText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [editing, setEditing] = useState(false);
  const f = incident.facts;
  const label = (k: keyof IncidentFacts) => L(INCIDENT_FACT_LABELS[k]);

  const show = (k: keyof IncidentFacts): ReactNode => {
    const v = f[k];
    if (isTranslatable(k)) return <TranslatableValue value={f[k]} />;
    if ((INSTANTS as readonly string[]).includes(k)) return formatInstant(v as string | null, language);
    if (typeof v === 'number') return formatNumber(v, language);
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (Array.isArray(v)) return v.length ? (k === 'jurisdictions' ? v.map((j) => t(`j_${j as Jurisdiction}`)) : v).join(', ') : '—';
    if (k === 'gdprRisk') return t(`risk_${(v as string | null) ?? 'unset'}` as 'risk_unset');
    if (k === 'gdpr34Exception') return t(`ex_${(v as string | null) ?? 'none'}` as 'ex_none');
    if (k === 'ciiOperator') return v === null ? t('cii_settings') : v ? t('cii_yes') : t('cii_no');
    if (k === 'stateResidentsAffected') {
      const entries = Object.entries(f.stateResidentsAffected ?? {});
      return entries.length ? entries.map(([s, n]) => `${t(`j_${s as Jurisdiction}`)} ${formatNumber(n, language)}`).join(', ') : '—';
    }
    return (v as string | null) || '—';
  };

  // Undo the last edit: the facts it changed go back to what they were (a new, audited edit).
  const saved = (before: Incident, next: Incident) => {
    onChange(next);
    setEditing(false);
    const changed = (Object.keys(next.facts) as (keyof IncidentFacts)[]).filter((k) => JSON.stringify(next.facts[k]) !== JSON.stringify(before.facts[k]));
    toast(t('factsSaved'), 'info', changed.length ? {
      label: t('undo'),
      run: async () => {
        const r = await api.call('incidents.update', { id: next.id, facts: Object.fromEntries(changed.map((k) => [k, before.facts[k]])) as Partial<IncidentFacts>, expectedVersion: next.version });
        if (r.ok) {
          onChange(r.value);
          toast(t('undone'));
        } else toast(r.error.message, 'error');
      },
    } : undefined);
  };
  if (editing) return <FactsForm incident={incident} onCancel={() => setEditing(false)} onSaved={(next) => saved(incident, next)} />;
  return (
    <section className="card" aria-labelledby="facts-h">
      <div className="card__head">
        <h2 id="facts-h">{t('facts')}</h2>
        <button type="button" onClick={() => setEditing(true)}>{t('editFacts')}</button>
      </div>
      <dl className="facts">
        {(Object.keys(INCIDENT_FACT_LABELS) as (keyof IncidentFacts)[]).map((k) => (
          <div key={k} className="facts__row">
            <dt>{label(k)}</dt>
            <dd>{show(k)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function toDraft(f: IncidentFacts): Draft {
  const d = { ...f } as unknown as Draft;
  for (const k of INSTANTS) d[k] = isoToLocalInput(f[k]);
  for (const k of COUNTS) d[k] = f[k] === null ? '' : String(f[k]);
  for (const k of LISTS) d[k] = f[k].join(', ');
  return d;
}

function FactsForm({ incident, onCancel, onSaved }: { incident: Incident; onCancel(): void; onSaved(next: Incident): void }) {
  const t = useT(incidentsText);
  const L = useLocalized();
  const update = useMutation('incidents.update');
  const [d, setD] = useState<Draft>(() => toDraft(incident.facts));
  const [residents, setResidents] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(incident.facts.stateResidentsAffected ?? {}).map(([s, n]) => [s, String(n)])),
  );
  const set = (k: keyof IncidentFacts) => (v: Draft[keyof IncidentFacts]) => setD((prev) => ({ ...prev, [k]: v }));
  const label = (k: keyof IncidentFacts) => L(INCIDENT_FACT_LABELS[k]);
  const err = (k: string) => fieldError(update.error, `facts.${k}`) ?? fieldError(update.error, k);
  const str = (k: keyof IncidentFacts) => (d[k] as string) ?? '';

  const save = async () => {
    const facts: Record<string, unknown> = { ...d };
    for (const k of INSTANTS) facts[k] = str(k) ? localInputToIso(str(k)) : k === 'discoveredAt' ? '' : null;
    for (const k of COUNTS) facts[k] = str(k).trim() === '' ? (k === 'individualsAffected' || k === 'directLossRmb' ? Number.NaN : null) : Number(str(k));
    for (const k of LISTS) facts[k] = splitList(str(k));
    const listed = d.jurisdictions as string[];
    facts.stateResidentsAffected = Object.fromEntries(
      US_STATES.filter((s) => listed.includes(s) && (residents[s] ?? '').trim() !== '').map((s) => [s, Number(residents[s])]),
    );
    const next = await update.run({ id: incident.id, facts: facts as Partial<IncidentFacts>, expectedVersion: incident.version });
    if (next) onSaved(next);
  };

  return (
    <form className="card" aria-labelledby="facts-edit-h" noValidate onSubmit={(e) => (e.preventDefault(), void save())}>
      <h2 id="facts-edit-h">{t('editFacts')}</h2>
      <ErrorBanner error={update.error} />
      <TextField label={label('title')} value={str('title')} onChange={set('title')} required error={err('title')} />
      <div className="form-grid">
        {INSTANTS.map((k) => (
          <TextField key={k} label={label(k)} type="datetime-local" value={str(k)} onChange={set(k)} error={err(k)} required={k === 'discoveredAt'} />
        ))}
        {COUNTS.map((k) => (
          <TextField key={k} label={label(k)} type="number" min={0} value={str(k)} onChange={set(k)} error={err(k)} required={k === 'individualsAffected'} />
        ))}
      </div>
      <CheckboxField label={label('individualsEstimated')} checked={d.individualsEstimated as boolean} onChange={set('individualsEstimated')} />
      <fieldset className="incident-checkgroup">
        <legend>{label('jurisdictions')}</legend>
        {JURISDICTIONS.map((j) => (
          <CheckboxField
            key={j}
            label={t(`j_${j}`)}
            checked={(d.jurisdictions as string[]).includes(j)}
            onChange={(on) => set('jurisdictions')(on ? [...(d.jurisdictions as string[]), j] : (d.jurisdictions as string[]).filter((x) => x !== j))}
          />
        ))}
        {err('jurisdictions') ? <div className="field__error" role="alert">{err('jurisdictions')}</div> : null}
      </fieldset>
      {US_STATES.some((s) => (d.jurisdictions as string[]).includes(s)) ? (
        <fieldset className="incident-checkgroup">
          <legend>{t('stateResidents')}</legend>
          <p className="muted">{t('stateResidentsHint')}</p>
          <div className="form-grid">
            {US_STATES.filter((s) => (d.jurisdictions as string[]).includes(s)).map((s) => (
              <TextField
                key={s}
                label={t('residentsOf', { state: t(`j_${s}`) })}
                type="number"
                min={0}
                value={residents[s] ?? ''}
                onChange={(v) => setResidents((prev) => ({ ...prev, [s]: v }))}
                error={err(`stateResidentsAffected.${s}`)}
              />
            ))}
          </div>
          {(d.jurisdictions as string[]).includes('US-NY') ? <CheckboxField label={t('nyDfs')} checked={d.nyDfsCovered as boolean} onChange={set('nyDfsCovered')} /> : null}
        </fieldset>
      ) : null}
      {LISTS.map((k) => (
        <TextField key={k} label={label(k)} value={str(k)} onChange={set(k)} error={err(k)} />
      ))}
      <CheckboxField label={label('minorsInvolved')} checked={d.minorsInvolved as boolean} onChange={set('minorsInvolved')} />
      <div className="form-grid">
        <SelectField<'settings' | 'yes' | 'no'>
          label={label('ciiOperator')}
          value={d.ciiOperator === null ? 'settings' : d.ciiOperator ? 'yes' : 'no'}
          onChange={(v) => set('ciiOperator')(v === 'settings' ? null : v === 'yes')}
          options={[{ value: 'settings', label: t('cii_settings') }, { value: 'yes', label: t('cii_yes') }, { value: 'no', label: t('cii_no') }]}
        />
        <SelectField<'unset' | 'none' | 'risk' | 'high'>
          label={label('gdprRisk')}
          value={(d.gdprRisk as 'none' | 'risk' | 'high' | null) ?? 'unset'}
          onChange={(v) => set('gdprRisk')(v === 'unset' ? null : v)}
          options={(['unset', 'none', 'risk', 'high'] as const).map((v) => ({ value: v, label: t(`risk_${v}`) }))}
        />
        <SelectField<'none' | 'unintelligible' | 'riskRemoved' | 'disproportionate'>
          label={label('gdpr34Exception')}
          value={(d.gdpr34Exception as 'unintelligible' | null) ?? 'none'}
          onChange={(v) => set('gdpr34Exception')(v === 'none' ? null : v)}
          options={(['none', 'unintelligible', 'riskRemoved', 'disproportionate'] as const).map((v) => ({ value: v, label: t(`ex_${v}`) }))}
        />
        <TextField label={label('owner')} value={str('owner')} onChange={set('owner')} error={err('owner')} />
      </div>
      <CheckboxField label={label('harmAvoided')} checked={d.harmAvoided as boolean} onChange={set('harmAvoided')} />
      {TRANSLATABLE_FACTS.map((k) => (
        <TranslatableField key={k} label={label(k)} value={d[k] as TranslatableText} onChange={set(k)} error={err(k)} />
      ))}
      {TEXTS.map((k) => (
        <TextField key={k} label={label(k)} value={str(k)} onChange={set(k)} multiline rows={2} error={err(k)} />
      ))}
      <div className="form-actions">
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
        <button type="submit" className="primary" disabled={update.busy}>{t('saveFacts')}</button>
      </div>
    </form>
  );
}
