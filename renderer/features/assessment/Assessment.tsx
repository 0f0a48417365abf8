import { useEffect, useRef, useState } from 'react';
import { AssessmentStep, type AssessmentAnswers, type AssessmentPreview } from '../../../preload/contract/assessment';
import { api, useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorBanner, fieldError } from '../../components/Field';
import { sayProblemIn } from '../../components/problems';
import { formatInstant } from '../../components/format';
import { PageHeader } from '../../components/PageHeader';
import { useLocalized, useT } from '../../i18n';
import { Panel } from './Panel';
import { STEP_FORMS } from './Steps';
import { assessmentText } from './i18n';
import './assessment.css';

const STEPS = AssessmentStep.options;

/** #/incidents/assess: start or resume; #/incidents/assess:<draft id>: one assessment, a question a screen. */
export function AssessmentStart() {
  const t = useT(assessmentText);
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const drafts = useQuery('assessment.listDrafts', {}, []);
  return (
    <div className="page page--narrow">
      <PageHeader title={t('title')} subtitle={t('intro')} actions={<button className="primary" onClick={() => navigate({ page: 'incidents', id: 'assess:new' })}>{t('start')}</button>} />
      <section className="card" aria-labelledby="drafts-h">
        <h2 id="drafts-h">{t('drafts')}</h2>
        {drafts.data?.items.length ? (
          <ul className="assessment-drafts">
            {drafts.data.items.map((d) => (
              <li key={d.id}>
                <button type="button" className="link" onClick={() => navigate({ page: 'incidents', id: `assess:${d.id}` })}>{t('resume', { title: d.title || t('untitled') })}</button>{' '}
                <span className="muted">{t(`s_${d.step}`)} · {t('savedAt', { t: formatInstant(d.updatedAt, language) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('noDrafts')}</p>
        )}
      </section>
    </div>
  );
}

export function Assessment({ draftId }: { draftId: string | null }) {
  const t = useT(assessmentText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const toast = useApp((s) => s.toast);
  const guide = useQuery('assessment.guide', {}, []);
  const loaded = useQuery('assessment.getDraft', { id: draftId ?? '' }, [draftId], !draftId);
  const [id, setId] = useState<string | null>(draftId);
  const [answers, setAnswers] = useState<AssessmentAnswers>({});
  const [step, setStep] = useState<AssessmentStep>('what');
  const [preview, setPreview] = useState<AssessmentPreview>();
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const save = useMutation('assessment.saveDraft');
  const log = useMutation('assessment.log');
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (loaded.data) {
      setAnswers(loaded.data.answers);
      setStep(loaded.data.step);
    }
  }, [loaded.data]);
  // After each answer: main recomputes grade, obligations and clocks (nothing written).
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => void api.call('assessment.preview', { answers }).then((r) => live && r.ok && setPreview(r.value)), 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [answers]);
  useEffect(() => heading.current?.focus(), [step]);

  const index = STEPS.indexOf(step);
  const persist = async (next: AssessmentStep) => {
    const d = await save.run({ ...(id ? { id } : {}), step: next, answers });
    if (!d) return null;
    if (!id) {
      setId(d.id);
      window.history.replaceState(null, '', `#/incidents/${encodeURIComponent(`assess:${d.id}`)}`);
    }
    return d.id;
  };
  const go = async (delta: number) => {
    const next = STEPS[Math.min(STEPS.length - 1, Math.max(0, index + delta))];
    if (next !== step && (await persist(next))) setStep(next);
  };
  const logIt = async () => {
    const saved = await persist('review');
    if (!saved) return;
    const inc = await log.run({ id: saved });
    if (inc) {
      toast(t('logged', { ref: inc.ref }));
      navigate({ page: 'incidents', id: inc.id });
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && e.key === 'ArrowLeft') {
        e.preventDefault();
        void go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (guide.error || loaded.error) return <EmptyState title={t('loadError')} />;
  if (!guide.data || (draftId && !loaded.data)) return null;
  const err = (f: string) => fieldError(save.error, `answers.${f}`) ?? fieldError(log.error, f);
  const Form = step === 'review' ? null : STEP_FORMS[step];
  const basis = guide.data.steps.find((s) => s.step === step)?.basis ?? [];
  const missing = Object.entries(preview?.missing ?? {});
  return (
    <div className="page assessment">
      <PageHeader title={t('title')} subtitle={t('stepOf', { n: index + 1, total: STEPS.length })} />
      <div className="assessment-layout">
        <form
          className="card assessment-step"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void (step === 'review' ? logIt() : go(1));
          }}
        >
          <h2 ref={heading} tabIndex={-1}>{t(`s_${step}`)}</h2>
          <ErrorBanner error={save.error ?? log.error} />
          {Form ? <Form a={answers} set={(p) => setAnswers((x) => ({ ...x, ...p }))} guide={guide.data} err={err} /> : null}
          {step === 'review' && missing.length ? (
            <div className="banner banner--warn" role="status">
              <p>{t('missing')}</p>
              <ul>{missing.map(([f, m]) => <li key={f}>{sayProblemIn(m, language)}</li>)}</ul>
            </div>
          ) : null}
          {basis.length ? (
            <details className="assessment-basis">
              <summary>{t('basis')}</summary>
              <ul>{basis.map((b, i) => <li key={i}><strong>{L(b.rule)}</strong>: {L(b.basis)}</li>)}</ul>
            </details>
          ) : null}
          <div className="assessment-actions">
            <button type="button" onClick={() => void go(-1)} disabled={index === 0 || save.busy}>{t('back')}</button>
            {step === 'review' ? (
              <button type="submit" className="primary" disabled={log.busy || save.busy}>{t('log')}</button>
            ) : (
              <button type="submit" className="primary" disabled={save.busy}>{t('next')}</button>
            )}
            <span className="muted assessment-keys">{t('keys')}</span>
            {id ? <button type="button" className="danger-link" onClick={() => setConfirmDiscard(true)}>{t('discard')}</button> : null}
          </div>
        </form>
        <Panel preview={preview} />
      </div>
      <ConfirmDialog
        open={confirmDiscard}
        title={t('discardTitle')}
        confirmLabel={t('discard')}
        danger
        onCancel={() => setConfirmDiscard(false)}
        onConfirm={async () => {
          setConfirmDiscard(false);
          if (id && (await api.call('assessment.discardDraft', { id })).ok) {
            toast(t('discarded'));
            navigate({ page: 'incidents', id: 'assess' });
          }
        }}
      >
        <p>{t('discardText')}</p>
      </ConfirmDialog>
    </div>
  );
}
