import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

interface VirtualListProps<T> {
  items: T[];
  /** Estimated row height in px (rows may be taller; they are measured). */
  rowHeight: number;
  renderRow(item: T, index: number): ReactNode;
  getKey(item: T): string;
  /** Called when the last rows come into view: load the next keyset page. */
  onEndReached?(): void;
  label: string;
  height?: string;
}

/** A long list that only renders what is on screen, as a listbox-free list (rows hold buttons). */
export function VirtualList<T>({ items, rowHeight, renderRow, getKey, onEndReached, label, height = 'calc(100vh - 260px)' }: VirtualListProps<T>) {
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    getItemKey: (index) => getKey(items[index]),
  });
  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  useEffect(() => {
    if (onEndReached && last && last.index >= items.length - 5) onEndReached();
  }, [last?.index, items.length, onEndReached]);
  return (
    // A short list takes only the room its rows need (no large empty area below); a long one scrolls.
    <div ref={parentRef} className="virtual-list" style={{ maxHeight: height, height: `min(${height}, ${virtualizer.getTotalSize() + 2}px)`, overflowY: 'auto' }} role="region" aria-label={label} tabIndex={0}>
      <ul style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {virtualItems.map((row) => (
          <li
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${row.start}px)` }}
          >
            {renderRow(items[row.index], row.index)}
          </li>
        ))}
      </ul>
    </div>
  );
}
