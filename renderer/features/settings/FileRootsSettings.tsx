import { useEffect, useState } from 'react';
import { api, useMutation, useQuery } from '../../app/api';
import { useApp } from '../../app/store';
import { ErrorBanner, TextField } from '../../components/Field';
import { commonText } from '../../components/i18n';
import { useT } from '../../i18n';
import { settingsText } from './i18n';
import { fieldProblems } from '../../components/problems';

/** Settings → Files: the folders a typed path may lie in (HTTP host); the desktop app uses the system dialog. */
export function FileRootsSettings() {
  const t = useT(settingsText);
  const language = useApp((s) => s.language);
  const c = useT(commonText);
  const toast = useApp((s) => s.toast);
  const roots = useQuery('files.roots', {}, []);
  const save = useMutation('settings.update');
  const [text, setText] = useState('');
  useEffect(() => setText(roots.data?.roots.join('\n') ?? ''), [roots.data]);
  if (!roots.data) return null;

  const store = async (fileRoots: string[] | null) => {
    const saved = await save.run({ fileRoots });
    if (saved) {
      roots.reload();
      toast(c('saved'));
    }
  };
  // Errors name the line: "fileRoots.1" is the second folder typed.
  const lineErrors = fieldProblems(save.error, language)
    .filter(([k]) => k.startsWith('fileRoots'))
    .map(([k, m]) => t('filesLineError', { line: String(Number(k.split('.')[1] ?? 0) + 1), message: m }));

  return (
    <section className="card" aria-labelledby="settings-files">
      <h2 id="settings-files">{t('files')}</h2>
      {api.host === 'electron' || roots.data.access === 'dialog' ? (
        <p className="muted">{t('filesDialog')}</p>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void store(text.split('\n').map((l) => l.trim()).filter(Boolean));
          }}
        >
          <p className="muted">{roots.data.defaults ? t('filesDefaults') : t('filesCustom')}</p>
          <ErrorBanner error={lineErrors.length ? undefined : save.error} />
          <TextField label={t('filesRoots')} multiline rows={4} value={text} onChange={setText} hint={t('filesRootsHint')} error={lineErrors.join(' ') || undefined} />
          <div className="form-actions">
            <button type="button" onClick={() => void store(null)} disabled={save.busy || roots.data.defaults}>{t('filesUseDefaults')}</button>
            <button type="submit" className="primary" disabled={save.busy}>{c('save')}</button>
          </div>
        </form>
      )}
    </section>
  );
}
