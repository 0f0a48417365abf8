import { useEffect, useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { ChannelName, NoticeDto } from '../../../preload/contract/notices';
import { useQuery } from '../../app/api';
import { ErrorBanner, SelectField } from '../../components/Field';
import { Pill } from '../../components/StatePill';
import { useLocalized, useT } from '../../i18n';
import { noticesText } from './i18n';
import { LetterView } from './LetterView';

const CHANNELS: ChannelName[] = ['email', 'sms', 'push', 'letter'];
const TONE = { ok: 'ok', warning: 'warn', error: 'danger' } as const;

/** What each channel will carry, rendered in main (merge fields filled) and shown here as text. */
export function Previews({ notice, tick }: { notice: NoticeDto; tick: number }) {
  const t = useT(noticesText);
  const L = useLocalized();
  const [channel, setChannel] = useState<ChannelName>('email');
  const [language, setLanguage] = useState<Language>(notice.language);
  useEffect(() => setLanguage(notice.language), [notice.language]);
  const preview = useQuery('notices.preview', { id: notice.id, channel, language }, [notice.id, channel, language, tick, notice.version, notice.historical]);
  const p = preview.data;
  return (
    <section className="card" aria-labelledby="previews-h">
      <h2 id="previews-h">{t('previews')}</h2>
      <div className="studio-tabs" role="group" aria-label={t('previews')}>
        {CHANNELS.map((c) => (
          <button key={c} type="button" aria-pressed={channel === c} onClick={() => setChannel(c)}>
            {t(`ch_${c}`)}
          </button>
        ))}
        <SelectField<Language> label={t('previewLanguage')} value={language} onChange={setLanguage} options={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
      </div>
      <ErrorBanner error={preview.error} />
      {p ? (
        <>
          <ul className="channel-checks" aria-label={t('checks')}>
            {p.checks.map((c, i) => (
              <li key={i}>
                <Pill tone={TONE[c.severity]}>{L(c.rule)}</Pill> {L(c.message)} <span className="muted">({L(c.basis)})</span>
              </li>
            ))}
          </ul>
          {channel === 'letter' ? (
            <LetterView preview={p} />
          ) : channel === 'sms' ? (
            <div className="phone-preview" lang={language}>
              <p className="phone-preview__bubble">{p.text}</p>
            </div>
          ) : channel === 'push' ? (
            <div className="push-preview" lang={language}>
              <strong>{p.subject}</strong>
              <p>{p.blocks[0]?.text}</p>
            </div>
          ) : (
            <article className="mail-preview" lang={language} aria-label={t('ch_email')}>
              <header>
                <div><span className="muted">From:</span> {p.letterhead.legalName} &lt;{p.letterhead.email}&gt;</div>
                <div><span className="muted">Subject:</span> <strong>{p.subject}</strong></div>
              </header>
              {p.blocks.map((b, i) => (
                <div key={i} className="mail-preview__block">
                  {b.heading ? <h3>{b.heading}</h3> : null}
                  <p>{b.text}</p>
                </div>
              ))}
            </article>
          )}
        </>
      ) : null}
    </section>
  );
}
