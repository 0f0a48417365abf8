import { useState } from 'react';
import type { Language } from '../../../preload/contract/common';
import type { NoticeDto } from '../../../preload/contract/notices';
import type { AppErrorDto } from '../../../preload/contract/result';
import { api, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { base64ToBlob, saveFile } from '../../components/download';
import { ErrorBanner, SelectField } from '../../components/Field';
import { useT } from '../../i18n';
import { noticesText } from './i18n';
import { LetterView } from './LetterView';
import { MailMerge } from './MailMerge';

/**
 * What is actually sent: files made in main (with their SHA-256 recorded in the audit log),
 * saved here through a download link, which works under Electron and the HTTP host alike.
 */
export function Exports({ notice, onChanged }: { notice: NoticeDto; onChanged(): void }) {
  const t = useT(noticesText);
  const toast = useApp((s) => s.toast);
  const [language, setLanguage] = useState<Language>(notice.language);
  const [error, setError] = useState<AppErrorDto>();
  const [last, setLast] = useState<string>('');
  const [merging, setMerging] = useState(false);
  const approved = notice.state === 'approved' || notice.state === 'dispatched';
  const letter = useQuery('notices.preview', { id: notice.id, channel: 'letter', language }, [notice.id, language, notice.version, notice.updatedAt], !approved);

  const save = async (run: () => ReturnType<typeof api.call<'notices.exportEml'>>) => {
    const r = await run();
    if (!r.ok) return setError(r.error);
    setError(undefined);
    saveFile(r.value.fileName, base64ToBlob(r.value.base64, r.value.mimeType), r.value.mimeType);
    const message = t('exported', { file: r.value.fileName, sha: r.value.sha256 });
    setLast(message);
    toast(message);
    onChanged();
  };

  const print = async () => {
    const r = await api.call('notices.recordPrint', { id: notice.id, language });
    if (!r.ok) return setError(r.error);
    document.body.classList.add('notice-printing');
    window.addEventListener('afterprint', () => document.body.classList.remove('notice-printing'), { once: true });
    window.print();
    onChanged();
  };

  return (
    <section className="card" aria-labelledby="exports-h">
      <h2 id="exports-h">{t('exports')}</h2>
      {approved ? null : <p className="muted">{t('approveFirst')}</p>}
      <ErrorBanner error={error} />
      <div className="studio-actions">
        <SelectField<Language> label={t('language')} value={language} onChange={setLanguage} options={notice.content.languages.map((l) => ({ value: l, label: l === 'zh-CN' ? '中文' : 'English' }))} />
        <button type="button" disabled={!approved} onClick={() => void save(() => api.call('notices.exportEml', { id: notice.id, language }))}>{t('exportEml')}</button>
        <button type="button" disabled={!approved} onClick={() => void save(() => api.call('notices.exportText', { id: notice.id, language, channel: 'sms' }))}>{t('exportSms')}</button>
        <button type="button" disabled={!approved} onClick={() => void save(() => api.call('notices.exportText', { id: notice.id, language, channel: 'push' }))}>{t('exportPush')}</button>
        <button type="button" disabled={!approved || !letter.data} onClick={() => void print()}>{t('print')}</button>
        <button type="button" onClick={() => setMerging(true)}>{t('mailMerge')}</button>
      </div>
      <p className="mono studio-last-export" role="status">{last}</p>
      {letter.data ? (
        <div className="notice-print-sheet" aria-hidden="true">
          <LetterView preview={letter.data} />
        </div>
      ) : null}
      <MailMerge notice={notice} language={language} open={merging} onClose={() => { setMerging(false); onChanged(); }} />
    </section>
  );
}
