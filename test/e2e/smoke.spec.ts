import { expect, test } from './fixtures';

test('the shell opens on the dashboard after the vault is created', async ({ app }) => {
  await expect(app.getByRole('link', { name: 'Deadlines' })).toHaveAttribute('aria-current', 'page');
  await app.screenshot({ path: '/tmp/lead-shell-en.png' });
});
