import { useState } from 'react';
import { useMutation } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, SelectField, TextField, fieldError } from '../../components/Field';
import { formatInstant } from '../../components/format';
import { useT } from '../../i18n';
import type { CardProps } from './Detail';
import { inboxText } from './i18n';

/** The messages in and out; bodies are plain text (HTML was turned into text on import) and shown as text. */
export function ThreadCard({ request, onChange }: CardProps) {
  const t = useT(inboxText);
  const language = useApp((s) => s.language);
  const add = useMutation('inbox.addMessage');
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [body, setBody] = useState('');

  const send = async () => {
    const next = await add.run({ id: request.id, direction, body });
    if (next) {
      onChange(next);
      setBody('');
    }
  };

  return (
    <section className="card" aria-labelledby="inbox-thread-h">
      <h2 id="inbox-thread-h">{t('thread')}</h2>
      {request.messages.length ? (
        <ol className="inbox-thread">
          {request.messages.map((m) => (
            <li key={m.id} className={`inbox-message inbox-message--${m.direction}`}>
              <div className="muted">
                {t(m.direction)} · {formatInstant(m.at, language)} · {t(`c_${m.channel}`)}
                {m.from ? <> · {t('from')}: {m.from}</> : null}
                {m.to ? <> · {t('to')}: {m.to}</> : null}
              </div>
              {m.problems.length ? (
                <div className="banner banner--warn" role="note">
                  <p>{t('emlProblemsTitle')}</p>
                  <ul>
                    {m.problems.map((p) => (
                      <li key={`${p.code}-${p.detail}`}>{t(`p_${p.code}`, { detail: p.detail })}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {m.subject ? <strong>{m.subject}</strong> : null}
              <p className="inbox-message__body">{m.body}</p>
              {m.attachments.length ? (
                <p className="muted">
                  {t('attachments')}: {m.attachments.map((a) => `${a.filename} (${a.mimeType}, ${a.size} B)`).join(', ')}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('noMessages')}</p>
      )}
      <fieldset className="inbox-fieldset">
        <legend>{t('addMessage')}</legend>
        <ErrorBanner error={add.error} />
        <SelectField<'in' | 'out'> label={t('direction')} value={direction} onChange={setDirection} options={[{ value: 'in', label: t('dir_in') }, { value: 'out', label: t('dir_out') }]} />
        <TextField label={t('messageBody')} value={body} onChange={setBody} multiline rows={3} error={fieldError(add.error, 'body')} required />
        <button type="button" disabled={add.busy} onClick={() => void send()}>{t('addMessage')}</button>
      </fieldset>
    </section>
  );
}
