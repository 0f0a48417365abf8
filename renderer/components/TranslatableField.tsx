import { useState } from 'react';
import { textIn, typedInChinese, type TranslatableText } from '../../preload/contract/common';
import { useApp } from '../app/store';
import { defineMessages, useT } from '../i18n';
import { TextField } from './Field';

// Issue 13: a fact that flows into notices is typed once, in either language, with an optional
// translation. One box until the DPO asks for the other language; main files a lone text by its
// script the same way, so what this box shows is what the notices print.

const text = defineMessages({
  en: {
    addEn: 'Add the English version',
    addZh: 'Add the Chinese version',
    inZh: '{label} (Chinese)',
    inEn: '{label} (English)',
    typedZh: 'Typed in Chinese; the English notice prints it as typed until you add the English version.',
    typedEn: 'Typed in English; the Chinese notice prints it as typed until you add the Chinese version.',
    onlyZh: '(typed in Chinese only)',
    onlyEn: '(typed in English only)',
  },
  'zh-CN': {
    addEn: '添加英文版本',
    addZh: '添加中文版本',
    inZh: '{label}（中文）',
    inEn: '{label}（英文）',
    typedZh: '以中文填写；补充英文版本前，英文通知按中文原文打印。',
    typedEn: '以英文填写；补充中文版本前，中文通知按英文原文打印。',
    onlyZh: '（仅有中文）',
    onlyEn: '（仅有英文）',
  },
});

const EMPTY: TranslatableText = { zh: '', en: '' };
const filed = (v: string): TranslatableText => (typedInChinese(v) ? { zh: v, en: '' } : { zh: '', en: v });

interface Props {
  label: string;
  value: TranslatableText | null | undefined;
  onChange(value: TranslatableText): void;
  error?: string;
  required?: boolean;
  rows?: number;
}

/** One box in either language; "Add the English / Chinese version" opens the other. */
export function TranslatableField({ label, value, onChange, error, required, rows = 2 }: Props) {
  const t = useT(text);
  const v = value ?? EMPTY;
  const [bothOpen, setBothOpen] = useState(() => v.zh.trim() !== '' && v.en.trim() !== '');
  // Which language the lone box holds: what was typed, else nothing yet.
  const lone = v.zh.trim() ? 'zh' : v.en.trim() ? 'en' : null;

  if (bothOpen) {
    const zhFirst = lone !== 'en';
    const zh = <TextField key="zh" label={t('inZh', { label })} value={v.zh} onChange={(zh) => onChange({ ...v, zh })} multiline rows={rows} error={zhFirst ? error : undefined} required={required && zhFirst} autoFocus={!zhFirst && !v.zh} />;
    const en = <TextField key="en" label={t('inEn', { label })} value={v.en} onChange={(en) => onChange({ ...v, en })} multiline rows={rows} error={zhFirst ? undefined : error} required={required && !zhFirst} autoFocus={zhFirst && !v.en} />;
    return <div className="translatable">{zhFirst ? [zh, en] : [en, zh]}</div>;
  }
  return (
    <div className="translatable">
      <TextField
        label={label}
        value={lone === 'en' ? v.en : v.zh}
        onChange={(s) => onChange(filed(s))}
        multiline
        rows={rows}
        error={error}
        required={required}
        hint={lone === 'zh' ? t('typedZh') : lone === 'en' ? t('typedEn') : undefined}
      />
      {lone ? (
        <button type="button" className="link translatable__add" onClick={() => setBothOpen(true)}>
          {lone === 'zh' ? t('addEn') : t('addZh')}
        </button>
      ) : null}
    </div>
  );
}

/** The version of the UI language, else the other with a small note saying which one was typed. */
export function TranslatableValue({ value }: { value: TranslatableText | null | undefined }) {
  const t = useT(text);
  const language = useApp((s) => s.language);
  const shown = textIn(value ?? EMPTY, language);
  if (!shown.text.trim()) return <>—</>;
  return (
    <>
      <span className="translatable__text">{shown.text}</span>
      {shown.fallback ? <span className="muted translatable__only"> {language === 'en' ? t('onlyZh') : t('onlyEn')}</span> : null}
    </>
  );
}
