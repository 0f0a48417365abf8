import type { AssessmentAnswers, AssessmentStep } from '../../../preload/contract/assessment';
import type { Jurisdiction } from '../../../preload/contract/common';
import type { Output } from '../../../preload/contract';
import { CheckboxField, SelectField, TextField } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { assessmentText } from './i18n';

// One screen per question. Each writes only its own answers; main reads them (no rule here).

type Guide = Output<'assessment.guide'>;
export interface StepProps {
  a: AssessmentAnswers;
  set(patch: Partial<AssessmentAnswers>): void;
  guide: Guide;
  err(field: string): string | undefined;
}

const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));
const str = (n: number | null | undefined) => (n === undefined || n === null ? '' : String(n));
const iso = (v: string): string | null => (v ? localInputToIso(v) : null);
type Tri = '' | 'yes' | 'no';
const tri = (b: boolean | null | undefined): Tri => (b === true ? 'yes' : b === false ? 'no' : '');
const fromTri = (v: Tri): boolean | null => (v === 'yes' ? true : v === 'no' ? false : null);

function What({ a, set, err }: StepProps) {
  const t = useT(assessmentText);
  return (
    <>
      <TextField label={t('fTitle')} value={a.title ?? ''} onChange={(v) => set({ title: v })} required autoFocus error={err('title')} />
      <TextField label={t('fDiscoveredAt')} type="datetime-local" value={isoToLocalInput(a.discoveredAt ?? null)} onChange={(v) => set({ discoveredAt: iso(v) })} required hint={t('fDiscoveredHint')} error={err('discoveredAt')} />
      <TextField label={t('fOccurredAt')} type="datetime-local" value={isoToLocalInput(a.occurredAt ?? null)} onChange={(v) => set({ occurredAt: iso(v) })} error={err('occurredAt')} />
      <TextField label={t('fDescription')} multiline value={a.description ?? ''} onChange={(v) => set({ description: v })} />
    </>
  );
}

function Categories({ a, set, guide }: StepProps) {
  const t = useT(assessmentText);
  const L = useLocalized();
  const picked = new Set(a.categories ?? []);
  const other = a.otherCategories ?? [];
  const toggle = (term: string, on: boolean) => set({ categories: on ? [...picked, term] : [...picked].filter((x) => x !== term) });
  return (
    <>
      <fieldset className="assessment-categories">
        <legend>{t('categoriesHint')}</legend>
        {guide.vocabulary.map((v) => (
          <CheckboxField key={v.en} label={`${L({ en: v.en, zh: v.zh })}${v.sensitive ? ` (${t('sensitive')})` : ''}`} checked={picked.has(v.en)} onChange={(on) => toggle(v.en, on)} />
        ))}
      </fieldset>
      <TextField
        label={t('fOther')}
        value={other.map((o) => o.term).join(', ')}
        onChange={(v) => set({ otherCategories: v.split(/[,，、]/).map((s) => s.trim()).filter(Boolean).map((term) => ({ term, sensitive: other[0]?.sensitive ?? false })) })}
      />
      {other.length ? <CheckboxField label={t('fOtherSensitive')} checked={other.every((o) => o.sensitive)} onChange={(on) => set({ otherCategories: other.map((o) => ({ ...o, sensitive: on })) })} /> : null}
    </>
  );
}

function People({ a, set, guide, err }: StepProps) {
  const t = useT(assessmentText);
  const L = useLocalized();
  const people = a.people ?? {};
  const setPeople = (j: Jurisdiction, v: string) => {
    const next = { ...people };
    const n = num(v);
    if (n === undefined) delete next[j];
    else next[j] = n;
    set({ people: next });
  };
  return (
    <>
      <p className="muted">{t('peopleHint')}</p>
      <div className="form-grid">
        {guide.jurisdictions.map((j) => (
          <TextField key={j.code} type="number" min={0} label={L(j.name)} value={str(people[j.code])} onChange={(v) => setPeople(j.code, v)} error={err(`people.${j.code}`)} />
        ))}
      </div>
      {err('people') ? <p className="field__error" role="alert">{err('people')}</p> : null}
      <div className="form-grid">
        <TextField type="number" min={0} label={t('fMinors')} value={str(a.minors)} onChange={(v) => set({ minors: num(v) ?? null })} error={err('minors')} />
        <TextField type="number" min={0} label={t('fSensitivePeople')} value={str(a.sensitivePeople)} onChange={(v) => set({ sensitivePeople: num(v) ?? null })} error={err('sensitivePeople')} />
      </div>
      <CheckboxField label={t('fEstimated')} checked={a.estimated ?? false} onChange={(v) => set({ estimated: v })} />
      {(people['US-NY'] ?? 0) > 0 ? <CheckboxField label={t('fNyDfs')} checked={a.nyDfsCovered ?? false} onChange={(v) => set({ nyDfsCovered: v })} /> : null}
    </>
  );
}

function Protection({ a, set, err }: StepProps) {
  const t = useT(assessmentText);
  return (
    <>
      <SelectField<'' | 'yes' | 'no' | 'partly'>
        label={t('fUnintelligible')}
        value={a.unintelligible ?? ''}
        onChange={(v) => set({ unintelligible: v || null })}
        options={[{ value: '', label: t('unknown') }, { value: 'yes', label: t('u_yes') }, { value: 'no', label: t('u_no') }, { value: 'partly', label: t('u_partly') }]}
      />
      {a.unintelligible === 'yes' ? <TextField label={t('fHow')} multiline value={a.unintelligibleHow ?? ''} onChange={(v) => set({ unintelligibleHow: v })} error={err('unintelligibleHow')} /> : null}
    </>
  );
}

function Containment({ a, set, err }: StepProps) {
  const t = useT(assessmentText);
  const yn = [{ value: '' as Tri, label: t('unknown') }, { value: 'yes' as Tri, label: t('yes') }, { value: 'no' as Tri, label: t('no') }];
  return (
    <>
      <SelectField<Tri> label={t('fContained')} value={tri(a.contained)} onChange={(v) => set({ contained: fromTri(v) })} options={yn} />
      {a.contained ? <TextField label={t('fContainedAt')} type="datetime-local" value={isoToLocalInput(a.containedAt ?? null)} onChange={(v) => set({ containedAt: iso(v) })} error={err('containedAt')} /> : null}
      <TextField label={t('fMeasures')} multiline value={a.measuresTaken ?? ''} onChange={(v) => set({ measuresTaken: v })} />
      <SelectField<Tri> label={t('fHarmAvoided')} value={tri(a.harmAvoided)} onChange={(v) => set({ harmAvoided: fromTri(v) })} options={yn} />
      {a.harmAvoided ? <TextField label={t('fHarmReason')} multiline value={a.harmAvoidedReason ?? ''} onChange={(v) => set({ harmAvoidedReason: v })} error={err('harmAvoidedReason')} /> : null}
    </>
  );
}

function Cii({ a, set, guide }: StepProps) {
  const t = useT(assessmentText);
  return (
    <SelectField<'yes' | 'no' | 'settings'>
      label={t('fCii')}
      value={a.ciiOperator ?? 'settings'}
      onChange={(v) => set({ ciiOperator: v })}
      options={[{ value: 'settings', label: t('cii_settings', { v: guide.ciiDefault ? t('yes') : t('no') }) }, { value: 'yes', label: t('cii_yes') }, { value: 'no', label: t('cii_no') }]}
    />
  );
}

export const STEP_FORMS: Record<Exclude<AssessmentStep, 'review'>, (p: StepProps) => React.JSX.Element> = { what: What, categories: Categories, people: People, protection: Protection, containment: Containment, cii: Cii };
