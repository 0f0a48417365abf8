import type { AssessmentPreview } from '../../../preload/contract/assessment';
import { useApp } from '../../app/store';
import { formatInstant } from '../../components/format';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { assessmentText } from './i18n';

const ORDER = { pending: 0, waiting: 1, toAssess: 2, done: 3, notRequired: 4 } as const;

/** The right-hand panel: grade and each obligation with its clock, as main computes them now. */
export function Panel({ preview }: { preview: AssessmentPreview | undefined }) {
  const t = useT(assessmentText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const obligations = [...(preview?.obligations ?? [])].filter((o) => o.state !== 'notRequired').sort((a, b) => ORDER[a.state] - ORDER[b.state] || (a.dueAt ?? '~').localeCompare(b.dueAt ?? '~'));
  return (
    <aside className="assessment-panel card" aria-label={t('panel')} aria-live="polite">
      <h2>{t('panel')}</h2>
      {preview ? (
        <>
          <p className="assessment-panel__grade">
            <strong>{t('grade', { g: t(`g_${preview.grade.value}`) })}</strong>
          </p>
          <p className="muted">{L(preview.grade.explanation)}</p>
          {!preview.clocksStarted ? <p className="muted">{t('noClocks')}</p> : null}
          {obligations.length ? (
            <ul className="assessment-obligations">
              {obligations.map((o) => (
                <li key={o.key} aria-label={L(o.label)}>
                  <div className="assessment-obligations__head">
                    <strong>{L(o.label)}</strong>
                    <Pill tone={o.state === 'pending' ? 'warn' : 'neutral'}>{t(`ob_${o.state}`)}</Pill>
                  </div>
                  {o.deadline ? <div>{o.deadline.clock === 'immediate' ? t('immediately') : t('dueAt', { t: formatInstant(o.deadline.dueAt, language) })}</div> : null}
                  <details>
                    <summary>{t('why')}: {L(o.rule)}</summary>
                    <p>{L(o.explanation)}</p>
                    <p className="muted">{L(o.basis)}</p>
                  </details>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('obligationsNone')}</p>
          )}
        </>
      ) : null}
    </aside>
  );
}
