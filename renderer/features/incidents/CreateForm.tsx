import { useState } from 'react';
import type { Jurisdiction } from '../../../preload/contract/common';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { CheckboxField, ErrorBanner, TextField, fieldError } from '../../components/Field';
import { isoToLocalInput, localInputToIso } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n';
import { incidentsText } from './i18n';
import { JURISDICTIONS, splitList } from './options';

/** Asks first for the facts that start the clocks; the rest is edited on the incident. */
export function CreateForm() {
  const t = useT(incidentsText);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const create = useMutation('incidents.create');
  const [title, setTitle] = useState('');
  const [discovered, setDiscovered] = useState(() => isoToLocalInput(new Date().toISOString()));
  const [people, setPeople] = useState('');
  const [estimated, setEstimated] = useState(false);
  const [jurisdictions, setJurisdictions] = useState<Jurisdiction[]>(['CN']);
  const [pi, setPi] = useState('');
  const [sensitive, setSensitive] = useState('');
  const [minors, setMinors] = useState(false);
  const err = (f: string) => fieldError(create.error, f);

  const submit = async () => {
    const inc = await create.run({
      title,
      discoveredAt: localInputToIso(discovered),
      individualsAffected: people.trim() === '' ? Number.NaN : Number(people),
      individualsEstimated: estimated,
      jurisdictions,
      piCategories: splitList(pi),
      sensitivePiCategories: splitList(sensitive),
      minorsInvolved: minors,
    });
    if (inc) {
      toast(t('saved'));
      navigate({ page: 'incidents', id: inc.id });
    }
  };

  return (
    <div className="page page--narrow">
      <PageHeader title={t('createTitle')} subtitle={t('createIntro')} />
      <form
        className="card"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <ErrorBanner error={create.error} />
        <TextField label={t('fTitle')} value={title} onChange={setTitle} required autoFocus error={err('title')} />
        <TextField label={t('fDiscoveredAt')} type="datetime-local" value={discovered} onChange={setDiscovered} required hint={t('fDiscoveredHint')} error={err('discoveredAt')} />
        <div className="form-grid">
          <TextField label={t('fPeople')} type="number" min={0} value={people} onChange={setPeople} required error={err('individualsAffected')} />
          <CheckboxField label={t('fEstimated')} checked={estimated} onChange={setEstimated} />
        </div>
        <fieldset className="incident-checkgroup">
          <legend>{t('fJurisdictions')}</legend>
          {JURISDICTIONS.map((j) => (
            <CheckboxField
              key={j}
              label={t(`j_${j}`)}
              checked={jurisdictions.includes(j)}
              onChange={(on) => setJurisdictions((prev) => (on ? [...prev, j] : prev.filter((x) => x !== j)))}
            />
          ))}
          {err('jurisdictions') ? <div className="field__error" role="alert">{err('jurisdictions')}</div> : null}
        </fieldset>
        <TextField label={t('fPiCategories')} value={pi} onChange={setPi} hint={t('fPiHint')} error={err('piCategories')} />
        <TextField label={t('fSensitive')} value={sensitive} onChange={setSensitive} hint={t('fSensitiveHint')} error={err('sensitivePiCategories')} />
        <CheckboxField label={t('fMinors')} checked={minors} onChange={setMinors} />
        <div className="form-actions">
          <button type="button" onClick={() => navigate({ page: 'incidents' })}>{t('cancel')}</button>
          <button type="submit" className="primary" disabled={create.busy}>{t('create')}</button>
        </div>
      </form>
    </div>
  );
}
