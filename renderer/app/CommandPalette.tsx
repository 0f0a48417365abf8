import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../preload/contract/search';
import { useT } from '../i18n';
import { api } from './api';
import { shellText } from './i18n';
import { navOrder } from './routes';
import { useApp, type PageName } from './store';

/** Ctrl/Cmd+K: jump to a page or to any record found by the vault's full-text search. */
export function CommandPalette({ open, onClose }: { open: boolean; onClose(): void }) {
  const t = useT(shellText);
  const navigate = useApp((s) => s.navigate);
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setText('');
      setHits([]);
      setActive(0);
      d.showModal();
    }
    if (!open && d.open) d.close();
  }, [open]);

  useEffect(() => {
    if (!text.trim()) return setHits([]);
    const id = setTimeout(() => {
      void api.call('search.query', { text: text.trim(), limit: 20 }).then((r) => setHits(r.ok ? r.value.hits : []));
    }, 120);
    return () => clearTimeout(id);
  }, [text]);

  const pages = navOrder.filter((p) => t(p).toLowerCase().includes(text.trim().toLowerCase()));
  const options: { key: string; label: string; go(): void }[] = [
    ...pages.map((p: PageName) => ({ key: `page-${p}`, label: t(p), go: () => navigate({ page: p }) })),
    ...hits.map((h) => ({
      key: `${h.module}-${h.recordId}-${h.attachment?.id ?? ''}`,
      // A file found by its name opens the record that holds it.
      label: h.attachment ? `${h.ref} · ${t('fileHit', { name: h.attachment.name })}` : `${h.ref} · ${h.title}`,
      go: () => navigate(h.module === 'governance' ? { page: 'settings' } : { page: h.module, id: h.recordId }),
    })),
  ];
  const choose = (i: number) => {
    options[i]?.go();
    onClose();
  };

  return (
    <dialog ref={ref} className="dialog palette" aria-label={t('paletteLabel')} onCancel={(e) => { e.preventDefault(); onClose(); }} onClick={(e) => e.target === ref.current && onClose()}>
      <input
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-options"
        aria-activedescendant={options[active] ? `palette-${options[active].key}` : undefined}
        aria-label={t('paletteLabel')}
        placeholder={t('palettePlaceholder')}
        value={text}
        autoFocus
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, options.length - 1));
          else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
          else if (e.key === 'Enter') choose(active);
          // A search box clears itself on the first Escape; the palette closes at once instead.
          else if (e.key === 'Escape') onClose();
          else return;
          e.preventDefault();
        }}
      />
      <ul id="palette-options" role="listbox" aria-label={t('paletteLabel')}>
        {options.map((o, i) => (
          <li key={o.key} id={`palette-${o.key}`} role="option" aria-selected={i === active} onMouseDown={() => choose(i)}>
            {o.label}
          </li>
        ))}
        {text.trim().length > 0 && hits.length === 0 && pages.length === 0 ? <li className="palette__none">{t('paletteNoHits')}</li> : null}
      </ul>
    </dialog>
  );
}
