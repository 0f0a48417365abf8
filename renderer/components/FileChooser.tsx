import { useEffect, useId, useRef, useState } from 'react';
import { useApp } from '../app/store';
import type { FileGrant, FileMode, FilePurpose } from '../../preload/contract/files';
import type { AppErrorDto } from '../../preload/contract/result';
import { api } from '../app/api';
import { useT } from '../i18n';
import { fileChooserText } from './file-chooser-i18n';
import { errorMessage, fieldProblem } from './problems';

interface FileChooserProps {
  label: string;
  purpose: FilePurpose;
  mode: FileMode;
  /** The grant chosen so far (the parent keeps it and sends its grantId to the channel). */
  value: FileGrant | null;
  onChange(grant: FileGrant | null): void;
  suggestedName?: string;
  /** An error main sent for the field that holds the grant (e.g. `source.grantId`). */
  error?: string;
  hint?: string;
  disabled?: boolean;
}

/**
 * Chooses a file the way the host allows: the system dialog in the desktop app; under the
 * loopback host a typed full path that main checks against the folders granted in Settings.
 * Either way the renderer only keeps the grant main returns, never a path it sends back.
 */
export function FileChooser({ label, purpose, mode, value, onChange, suggestedName, error, hint, disabled }: FileChooserProps) {
  const t = useT(fileChooserText);
  const language = useApp((s) => s.language);
  const id = useId();
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<AppErrorDto>();
  // Under the loopback host a new file is typed: start from the first granted folder and the
  // suggested name, unless the DPO has already put the cursor in the field.
  const touched = useRef(false);
  useEffect(() => {
    if (api.host === 'electron' || mode !== 'save' || !suggestedName) return;
    let live = true;
    void api.call('files.roots', {}).then((r) => {
      if (!live || touched.current || !r.ok || !r.value.roots[0]) return;
      const root = r.value.roots[0];
      const sep = root.includes('\\') && !root.includes('/') ? '\\' : '/';
      setTyped((t) => t || `${root.replace(/[\\/]+$/, '')}${sep}${suggestedName}`);
    });
    return () => {
      live = false;
    };
  }, [mode, suggestedName]);
  const shown = problem ? (fieldProblem(problem, 'path', language) ?? errorMessage(problem, language)) : error;
  const describedBy = [hint ? `${id}-hint` : '', shown ? `${id}-error` : '', value ? `${id}-chosen` : ''].filter(Boolean).join(' ') || undefined;

  const pick = async () => {
    const r = await api.call('files.pick', { purpose, mode, ...(suggestedName ? { suggestedName } : {}) });
    if (!r.ok) return setProblem(r.error);
    setProblem(undefined);
    if (r.value.grant) onChange(r.value.grant);
  };
  const grantTyped = async () => {
    // A folder typed with a trailing separator takes the suggested name (a new file's name main chose).
    const path = suggestedName && mode !== 'open' && /[\\/]$/.test(typed.trim()) ? `${typed.trim()}${suggestedName}` : typed;
    const r = await api.call('files.grantPath', { purpose, mode, path });
    if (!r.ok) return setProblem(r.error);
    setProblem(undefined);
    onChange(r.value);
  };

  return (
    <div className={`field file-chooser${shown ? ' field--invalid' : ''}`}>
      {api.host === 'electron' ? (
        <>
          <span className="field__label" id={`${id}-label`}>{label}</span>
          <div className="file-chooser__row">
            <button type="button" onClick={() => void pick()} disabled={disabled} aria-describedby={describedBy} aria-labelledby={`${id}-label ${id}-button`} id={`${id}-button`}>
              {mode === 'open' ? t('chooseFile') : mode === 'folder' || mode === 'directory' ? t('chooseFolder') : t('chooseSave')}
            </button>
          </div>
        </>
      ) : (
        <>
          <label htmlFor={id}>{label}</label>
          <div className="file-chooser__row">
            <input
              id={id}
              type="text"
              value={typed}
              onFocus={() => (touched.current = true)}
              onChange={(e) => {
                touched.current = true;
                setTyped(e.target.value);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void grantTyped();
                }
              }}
              placeholder={mode === 'open' ? t('pathPlaceholderOpen') : mode === 'directory' ? t('pathPlaceholderFolder') : t('pathPlaceholderSave')}
              aria-describedby={describedBy}
              aria-invalid={Boolean(shown) || undefined}
              disabled={disabled}
              spellCheck={false}
            />
            <button type="button" onClick={() => void grantTyped()} disabled={disabled || !typed.trim()}>
              {t('usePath')}
            </button>
          </div>
        </>
      )}
      {value ? (
        <div id={`${id}-chosen`} className="file-chooser__chosen">
          {t('chosen', { name: value.name })} <span className="muted mono">{value.displayPath}</span>{' '}
          <button type="button" className="link" onClick={() => onChange(null)} disabled={disabled}>{t('clear')}</button>
        </div>
      ) : null}
      {hint ? <div id={`${id}-hint`} className="field__hint">{hint}</div> : null}
      {api.host !== 'electron' ? <div className="field__hint">{suggestedName && mode !== 'open' ? t('suggestedHint', { name: suggestedName }) : ''}{t('rootsHint')}</div> : null}
      {shown ? <div id={`${id}-error`} className="field__error" role="alert">{shown}</div> : null}
    </div>
  );
}
