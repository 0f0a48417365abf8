import type { z } from 'zod';
import type { ChannelPreview } from '../../../preload/contract/notices';
import { noticesText } from './i18n';

/**
 * The letter or announcement as printed: letterhead from the profile, date, title, sections.
 * Print CSS (notices.css) hides everything else; the font stack puts Noto CJK first, so Chinese
 * prints with the system's Noto Sans/Serif CJK where installed.
 */
export function LetterView({ preview }: { preview: z.infer<typeof ChannelPreview> }) {
  const h = preview.letterhead;
  return (
    <article className="letter-print" lang={preview.language}>
      <header className="letter-print__head">
        <div className="letter-print__org">{h.legalName}</div>
        <div>{[h.address, h.phone, h.email].filter(Boolean).join(' · ')}</div>
      </header>
      <p className="letter-print__date">
        {/* The letter's own language, not the UI's (a Chinese letter reads 日期). */}
        {noticesText[preview.language].letterDate}
        {preview.language === 'zh-CN' ? '：' : ': '}
        {preview.date}
      </p>
      <h1 className="letter-print__title">{preview.subject}</h1>
      {preview.blocks.map((b, i) => (
        <section key={i}>
          {b.heading ? <h2>{b.heading}</h2> : null}
          <p>{b.text}</p>
        </section>
      ))}
    </article>
  );
}
