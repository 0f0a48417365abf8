import { useState } from 'react';
import type { ReviewOutcome, Transfer } from '../../../preload/contract/transfers';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatDate } from '../../components/format';
import { Pill } from '../../components/StatePill';
import { useT } from '../../i18n';
import { transfersText } from './i18n';

const OUTCOMES: ReviewOutcome[] = ['noChange', 'pipiaUpdated', 'refiling'];

/**
 * Incidents at this recipient (linked from the incident): each re-opens the assessment — PIPIA
 * review and possible re-filing — until the DPO records the outcome here.
 */
export function ReviewsCard({ transfer, onChange }: { transfer: Transfer; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  if (transfer.reviews.length === 0) return null;
  return (
    <section className="card transfer-section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t('reviewsTitle')}</h2>
      <p className="muted">{t('reviewsIntro')}</p>
      <ul className="reviews">
        {transfer.reviews.map((r) => (
          <li key={r.id} aria-label={r.incidentRef}>
            <button type="button" className="link" onClick={() => navigate({ page: 'incidents', id: r.incidentId })}>{r.incidentRef}</button>{' '}
            {r.outcome ? <Pill tone="ok">{t(`ro_${r.outcome}`)}</Pill> : <Pill tone="warn">{t('reviewOpen')}</Pill>}{' '}
            <span className="muted">{t('reviewOpened', { d: formatDate(r.openedOn, language) })}</span>
            {r.outcome ? <p>{r.note} <span className="muted">({formatDate(r.decidedOn, language)})</span></p> : <ReviewForm transfer={transfer} reviewId={r.id} onChange={onChange} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function ReviewForm({ transfer, reviewId, onChange }: { transfer: Transfer; reviewId: string; onChange(t: Transfer): void }) {
  const t = useT(transfersText);
  const toast = useApp((s) => s.toast);
  const record = useMutation('transfers.recordReview');
  const [outcome, setOutcome] = useState<ReviewOutcome>('noChange');
  const [note, setNote] = useState('');
  return (
    <form
      className="review-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const next = await record.run({ id: transfer.id, reviewId, outcome, note });
        if (next) {
          onChange(next);
          toast(t('reviewRecorded'));
        }
      }}
    >
      <SelectField<ReviewOutcome> label={t('reviewOutcome')} value={outcome} onChange={setOutcome} options={OUTCOMES.map((o) => ({ value: o, label: t(`ro_${o}`) }))} />
      <TextField label={t('reviewNote')} value={note} onChange={setNote} multiline rows={2} required error={fieldError(record.error, 'note')} />
      {record.error && !record.error.fields ? <ErrorBanner error={record.error} /> : null}
      <button type="submit" className="primary" disabled={record.busy}>{t('recordReview')}</button>
    </form>
  );
}
