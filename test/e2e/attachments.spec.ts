import type { Page } from '@playwright/test';
import { expect, setLanguage, test } from './fixtures';

/** A one-page PDF with a line of text (pdf.js rebuilds the cross-reference table it lacks). */
const PDF = `%PDF-1.4
1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >> endobj
4 0 obj << /Length 55 >> stream
BT /F1 18 Tf 20 60 Td (PIPIA report 2026) Tj ET
endstream endobj
5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj
6 0 obj << /S /JavaScript /JS (app.alert('should never run')) >> endobj
trailer << /Root 1 0 R /OpenAction 6 0 R >>
%%EOF
`;
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function drop(page: Page, files: { name: string; base64: string; type: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.dispatchEvent('.attachments__drop', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.attachments__drop', 'drop', { dataTransfer: transfer });
}

test('an incident carries a report and a scan: previews run nothing from the file and the page keeps its CSP', async ({ app, host }) => {
  const page = app;
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused/.test(m.text())) problems.push(m.text());
  });
  page.on('dialog', (d) => {
    problems.push(`a dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  const incident = await host.ok('incidents.create', { title: 'Scan for PIPIA', discoveredAt: '2026-11-29T01:00:00.000Z', individualsAffected: 3, jurisdictions: ['CN'], piCategories: ['name'] });
  await page.goto(`${host.url.split('#')[0]}#/incidents/${incident.id}`);
  const panel = page.getByRole('region', { name: 'Files' });
  await panel.getByLabel('Attach as').selectOption({ label: 'Report' });
  await drop(page, [
    { name: 'pipia-2026.pdf', base64: Buffer.from(PDF).toString('base64'), type: 'application/pdf' },
    { name: 'scan.png', base64: PNG_BASE64, type: 'image/png' },
  ]);
  await expect(panel.getByRole('cell', { name: /^scan\.png/ })).toBeVisible();
  await expect(panel.getByRole('row', { name: /pipia-2026\.pdf/ })).toContainText('Report');
  await expect(panel.getByRole('row', { name: /pipia-2026\.pdf/ })).toContainText('application/pdf');

  await panel.getByRole('button', { name: 'Preview: pipia-2026.pdf' }).click();
  const pdf = page.getByRole('dialog', { name: 'Preview: pipia-2026.pdf' });
  await expect(pdf.getByRole('img', { name: 'Page 1 of 1' })).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: '/tmp/i11-pdf-preview-en.png' });
  await pdf.getByRole('button', { name: 'Close' }).click();

  await panel.getByRole('button', { name: 'Preview: scan.png' }).click();
  await expect(page.getByRole('dialog', { name: 'Preview: scan.png' }).getByRole('img', { name: 'scan.png' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();

  // Search finds the file by its name and opens the incident.
  await page.keyboard.press('Control+k');
  await page.getByRole('combobox', { name: 'Go to or search' }).fill('pipia-2026');
  await expect(page.getByRole('option', { name: /file pipia-2026\.pdf/ })).toBeVisible();

  expect(problems).toEqual([]);
  await page.keyboard.press('Escape');
  await setLanguage(page, 'zh-CN');
  await expect(page.getByRole('region', { name: '文件' }).getByRole('row', { name: /pipia-2026\.pdf/ })).toContainText('报告');
});
