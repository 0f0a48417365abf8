import { useState } from 'react';
import type { Checklist, ChecklistElement, NoticeDto } from '../../../preload/contract/notices';
import { useMutation } from '../../app/api';
import { ErrorBanner, TextField } from '../../components/Field';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { Modal } from './Modal';

const TONE = { covered: 'ok', missing: 'danger', waived: 'warn', notRequired: 'neutral' } as const;
const MARK = { covered: '✓', missing: '✗', waived: '–', notRequired: '○' } as const;

/** The required elements of the kind, each covered / missing / waived (with its reason), and why each is required. */
export function ChecklistPanel({ notice, checklist, readOnly, onChanged }: { notice: NoticeDto; checklist?: Checklist; readOnly: boolean; onChanged(n?: NoticeDto): void }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const update = useMutation('notices.update');
  const [waiving, setWaiving] = useState<ChecklistElement | null>(null);
  const c = checklist ?? notice.checklist;
  const missing = c.elements.filter((e) => e.status === 'missing').length;
  const langName = (l: string) => (l === 'zh-CN' ? t('zh') : t('en'));
  return (
    <section className="card" aria-labelledby="checklist-h">
      <h2 id="checklist-h">{t('checklist')}</h2>
      <p className={`banner ${c.canApprove ? 'banner--ok' : 'banner--warn'}`} role="status">
        {c.canApprove ? t('canApprove') : t('cannotApprove', { n: missing })}
      </p>
      <ErrorBanner error={update.error} />
      <ul className="checklist" aria-label={t('checklist')}>
        {c.elements.map((e) => (
          <li key={e.key} className={`checklist__item checklist__item--${e.status}`}>
            <div>
              <span aria-hidden="true" className="checklist__mark">{MARK[e.status]}</span> <strong>{L(e.rule)}</strong>{' '}
              <Pill tone={TONE[e.status]}>{t(`st_${e.status}`)}</Pill>
            </div>
            {e.missingLanguages.length ? <div className="muted">{t('missingIn', { langs: e.missingLanguages.map(langName).join(', ') })}</div> : null}
            {e.status === 'waived' && e.waiverReason ? <div className="muted">{t('waivedBecause', { reason: e.waiverReason })}</div> : null}
            <details>
              <summary>{L({ en: 'Why?', zh: '依据' })}</summary>
              <p className="field__hint">{L(e.basis)}</p>
              {e.condition ? <p className="field__hint">{L(e.condition.label)}</p> : null}
            </details>
            {readOnly || e.status === 'notRequired' ? null : e.waiverReason ? (
              <button type="button" className="link" onClick={async () => onChanged(await update.run({ id: notice.id, waivers: { [e.key]: null } }))}>
                {t('unwaive')}
              </button>
            ) : e.status === 'missing' ? (
              <button type="button" className="link" onClick={() => setWaiving(e)} aria-label={`${t('waive')} ${L(e.rule)}`}>
                {t('waive')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {c.mergeFieldProblems.length ? (
        <div className="banner banner--error" role="alert">
          <strong>{t('mergeProblems')}</strong>
          <ul>
            {c.mergeFieldProblems.map((p) => (
              <li key={`${p.name}@${p.where}`}>
                <code>{`{{${p.name}}}`}</code> — <code>{p.where}</code>: {L(p.message)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {c.textFallbacks.length ? (
        // Issue 13: never silent — a version that prints a fact as typed in the other language says which.
        <div className="banner banner--warn" role="status" aria-label={t('textFallbacks')}>
          <strong>{t('textFallbacks')}</strong>
          <ul>
            {c.textFallbacks.map((f) => (
              <li key={`${f.language} ${f.name}`}>{L(f.message)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <details className="merge-fields">
        <summary>{t('mergeFields')}</summary>
        <p className="field__hint">{t('mergeHint')}</p>
        <dl>
          {notice.mergeFields.map((f) => (
            <div key={f.name}>
              <dt><code>{`{{${f.name}}}`}</code></dt>
              <dd>{f.value || '—'}</dd>
            </div>
          ))}
        </dl>
      </details>
      {/* Its own dialog (not the shared ConfirmDialog): two of those on one page share one title id. */}
      <Modal open={waiving !== null} title={waiving ? t('waiveTitle', { element: L(waiving.rule) }) : ''} onClose={() => setWaiving(null)}>
        <WaiveForm
          onCancel={() => setWaiving(null)}
          onWaive={async (reason) => {
            const key = waiving!.key;
            setWaiving(null);
            onChanged(await update.run({ id: notice.id, waivers: { [key]: reason } }));
          }}
        />
      </Modal>
    </section>
  );
}

function WaiveForm({ onWaive, onCancel }: { onWaive(reason: string): void; onCancel(): void }) {
  const t = useT(noticesText);
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) onWaive(reason.trim());
      }}
    >
      <TextField label={t('waiveReason')} value={reason} onChange={setReason} multiline rows={3} required autoFocus />
      <div className="dialog__actions">
        <button type="button" onClick={onCancel}>{t('mmClose')}</button>
        <button type="submit" className="primary" disabled={!reason.trim()}>{t('waiveConfirm')}</button>
      </div>
    </form>
  );
}
