import { useState } from 'react';
import type { Incident } from '../../../preload/contract/incidents';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { renderActivity } from '../../components/activity';
import { ErrorBanner, TextField, fieldError } from '../../components/Field';
import { formatInstant, isoToLocalInput, localInputToIso } from '../../components/format';
import { useLocalized, useT } from '../../i18n';
import { incidentsText } from './i18n';

/** Every step with its time and actor, and the DPO's own notes ("14:05 called the vendor"). */
export function Timeline({ incident, onChange }: { incident: Incident; onChange(next: Incident): void }) {
  const t = useT(incidentsText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const add = useMutation('incidents.addNote');
  const [text, setText] = useState('');
  const [at, setAt] = useState(() => isoToLocalInput(new Date().toISOString()));
  // A note is the DPO's own words, shown as typed; every other entry is put in words from its data.
  const entryText = (e: Incident['timeline'][number]) =>
    e.action === 'incidentTimeline.note' ? String(e.params?.text ?? '') : e.action ? renderActivity({ action: e.action, ref: null, params: e.params ?? {}, summary: L(e.text) }, language) : L(e.text);
  return (
    <section className="card" aria-labelledby="timeline-h">
      <h2 id="timeline-h">{t('timeline')}</h2>
      <ol className="timeline">
        {incident.timeline.map((e) => (
          <li key={e.id} className={`timeline__entry timeline__entry--${e.kind}`}>
            <time dateTime={e.at}>{formatInstant(e.at, language)}</time> <span className="muted">{e.actor}</span>
            <div>{entryText(e)}</div>
          </li>
        ))}
      </ol>
      <form
        noValidate
        onSubmit={async (ev) => {
          ev.preventDefault();
          const next = await add.run({ id: incident.id, text, at: localInputToIso(at) });
          if (next) {
            onChange(next);
            setText('');
            toast(t('noteAdded'));
          }
        }}
      >
        <ErrorBanner error={add.error} />
        <TextField label={t('noteText')} value={text} onChange={setText} multiline rows={2} error={fieldError(add.error, 'text')} />
        <TextField label={t('noteAt')} type="datetime-local" value={at} onChange={setAt} error={fieldError(add.error, 'at')} />
        <div className="form-actions">
          <button type="submit" disabled={add.busy || !text.trim()}>{t('addNote')}</button>
        </div>
      </form>
    </section>
  );
}
