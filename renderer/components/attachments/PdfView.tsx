import { useEffect, useRef, useState } from 'react';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useT } from '../../i18n';
import { attachmentsText } from './i18n';

const MAX_PAGES = 20;

/**
 * A PDF drawn onto canvases by pdf.js: the document's own scripts never run (pdf.js runs no
 * PDF JavaScript unless its scripting sandbox is loaded, which this app never does; XFA forms
 * and WebAssembly decoders are off), and the canvases are inert pixels. The worker is a file of
 * this app's own origin, so the Content-Security-Policy stays `default-src 'self'`: no eval, no
 * wasm, no blob: scripts.
 */
export default function PdfView({ blob }: { blob: Blob }) {
  const t = useT(attachmentsText);
  const host = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<{ total: number; shown: number } | null>(null);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => void) | undefined;
    void (async () => {
      try {
        const pdfjs = await import('pdfjs-dist');
        pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
        const task = pdfjs.getDocument({ data: new Uint8Array(await blob.arrayBuffer()), useWasm: false, enableXfa: false, stopAtErrors: false });
        destroy = () => void task.destroy();
        const doc = await task.promise;
        const shown = Math.min(doc.numPages, MAX_PAGES);
        if (cancelled) return;
        setPages({ total: doc.numPages, shown });
        for (let n = 1; n <= shown && !cancelled; n++) {
          const page = await doc.getPage(n);
          const viewport = page.getViewport({ scale: 1.3 });
          const canvas = document.createElement('canvas');
          canvas.width = Math.floor(viewport.width);
          canvas.height = Math.floor(viewport.height);
          canvas.setAttribute('role', 'img');
          canvas.setAttribute('aria-label', t('page', { n: String(n), total: String(doc.numPages) }));
          canvas.className = 'attachment-preview__page';
          host.current?.appendChild(canvas);
          await page.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport }).promise;
        }
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
      if (host.current) host.current.innerHTML = '';
    };
  }, [blob, t]);

  return (
    <div>
      {error ? <p className="banner banner--error">{error}</p> : null}
      {pages && pages.total > pages.shown ? <p className="muted">{t('pdfMore', { n: String(pages.shown) })}</p> : null}
      <div ref={host} className="attachment-preview__pdf" />
    </div>
  );
}
