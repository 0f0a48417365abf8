import { useState } from 'react';
import type { DecisionOutcome, RefusalGround } from '../../../preload/contract/inbox';
import { useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { TranslatableField, TranslatableValue } from '../../components/TranslatableField';
import { hasText, type TranslatableText } from '../../../preload/contract/common';
import { useLocalized, useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';
import { OUTCOMES } from './options';

/** The decision: fulfilled, partly or refused; a refusal picks one of the nine grounds (with the policy's words) and gives reasons. */
export function DecisionCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const L = useLocalized();
  const language = useApp((s) => s.language);
  const toast = useApp((s) => s.toast);
  const grounds = useQuery('inbox.refusalGrounds', {}, []);
  const decide = useMutation('inbox.decide');
  const d = request.decision;
  const [outcome, setOutcome] = useState<DecisionOutcome>(d?.outcome ?? 'fulfilled');
  const [actions, setActions] = useState<TranslatableText>(d?.actionsTaken ?? { zh: '', en: '' });
  const [ground, setGround] = useState<'' | RefusalGround>(d?.refusalGround ?? '');
  const [reasons, setReasons] = useState<TranslatableText>(d?.refusalReasons ?? { zh: '', en: '' });
  const open = ['new', 'verifying', 'inProgress'].includes(request.state);
  const refuses = outcome !== 'fulfilled';
  const picked = grounds.data?.grounds.find((g) => g.ground === ground);

  const record = async () => {
    const next = await decide.run({
      id: request.id,
      outcome,
      ...(outcome !== 'refused' ? { actionsTaken: actions } : {}),
      ...(refuses && ground ? { refusalGround: ground } : {}),
      ...(refuses ? { refusalReasons: reasons } : {}),
    });
    if (next) {
      onChange(next);
      toast(t('decisionRecorded'));
    }
  };

  return (
    <section className="card" aria-labelledby="inbox-decision-h">
      <h2 id="inbox-decision-h">{t('decision')}</h2>
      <p className="muted">{t('decisionIntro')}</p>
      {d ? (
        <div className="banner">
          <strong>{t(`d_${d.outcome}`)}</strong>
          {hasText(d.actionsTaken) ? <p><TranslatableValue value={d.actionsTaken} /></p> : null}
          {d.writtenRefusal ? (
            <p className="decision__written">
              <strong>{L(d.writtenRefusal.rule)}</strong> ({L(d.writtenRefusal.basis)})
            </p>
          ) : null}
          {d.refusalGroundText ? <p>{t('groundLine', { g: L(d.refusalGroundText) })}</p> : null}
          {hasText(d.refusalReasons) ? <p>{t('reasonsLine', { r: '' })}<TranslatableValue value={d.refusalReasons} /></p> : null}
          <p className="muted">{t('decidedBy', { by: d.decidedBy, at: formatInstant(d.decidedAt, language) })}</p>
        </div>
      ) : null}
      {open ? (
        <fieldset className="inbox-fieldset">
          <legend>{t('recordDecision')}</legend>
          <ErrorBanner error={decide.error} />
          {fieldError(decide.error, 'identity') ? <p className="banner banner--warn">{fieldError(decide.error, 'identity')}</p> : null}
          <SelectField<DecisionOutcome> label={t('decision')} value={outcome} onChange={setOutcome} options={OUTCOMES.map((o) => ({ value: o, label: t(`d_${o}`) }))} />
          {outcome !== 'refused' ? <TranslatableField label={t('actionsTaken')} value={actions} onChange={setActions} rows={3} error={fieldError(decide.error, 'actionsTaken')} required /> : null}
          {refuses ? (
            <>
              <SelectField<'' | RefusalGround>
                label={t('refusalGround')}
                value={ground}
                onChange={setGround}
                error={fieldError(decide.error, 'refusalGround')}
                required
                hint={grounds.data ? L(grounds.data.basis) : undefined}
                options={[{ value: '', label: t('pickGround') }, ...(grounds.data?.grounds ?? []).map((g) => ({ value: g.ground, label: `(${g.n}) ${L(g.text)}` }))]}
              />
              {picked ? <blockquote className="inbox-ground-text" lang={language}>{L(picked.text)}</blockquote> : null}
              <TranslatableField label={t('refusalReasons')} value={reasons} onChange={setReasons} rows={3} error={fieldError(decide.error, 'refusalReasons')} required />
            </>
          ) : null}
          <button type="button" className="primary" disabled={decide.busy} onClick={() => void record()}>{t('recordDecision')}</button>
        </fieldset>
      ) : null}
    </section>
  );
}
