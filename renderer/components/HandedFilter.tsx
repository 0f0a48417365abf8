import type { ReactNode } from 'react';
import { useApp } from '../app/store';
import { defineMessages, useT } from '../i18n';

const text = defineMessages({
  en: { filtered: 'Showing {label} (from the overview).', showAll: 'Show the whole list' },
  'zh-CN': { filtered: '当前显示：{label}（来自工作概览）。', showAll: '显示完整列表' },
});

/**
 * The filter a link handed to this list (an overview figure, issue 17): its values go into the
 * list's query, and a line says what is shown with a way back to the whole list.
 */
export function useHandedFilter(): { values: Record<string, string | boolean>; notice: ReactNode } {
  const t = useT(text);
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const f = route.filter;
  return {
    values: f?.values ?? {},
    notice: f ? (
      <p className="handed-filter" role="status">
        {t('filtered', { label: f.label })}{' '}
        <button type="button" onClick={() => navigate({ page: route.page })}>{t('showAll')}</button>
      </p>
    ) : null,
  };
}
