import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER_NAME, defaultUserDataDir } from '../../main/host/paths';

const root = join(import.meta.dirname, '..', '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('README', () => {
  it('opens with the two developer commands, and the second is what CI runs', () => {
    const firstBlock = readme.match(/```sh\n([\s\S]*?)```/)![1];
    expect(readme.indexOf('```sh')).toBeLessThan(readme.indexOf('\n## '));
    const commands = firstBlock.trim().split('\n').map((l) => l.split('#')[0].trim());
    expect(commands).toEqual(['npm ci && npm start', 'npm test']);
    const ci = readFileSync(join(root, '.ci', 'run'), 'utf8').trim().split('\n');
    expect(ci.at(-1)).toBe('npm test');
  });

  it('tells the DPO where the vault lives, as the app computes it on each system', () => {
    expect(readme).toContain('## Install (for the DPO)');
    expect(readme).toContain(`\`${join(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '~/.config' }), 'vault')}\``);
    expect(readme).toContain(`~/Library/Application Support/${APP_FOLDER_NAME}/vault`);
    expect(readme).toContain(`%APPDATA%\\${APP_FOLDER_NAME}\\vault`);
    for (const heading of ['### First run', '### Where your data lives', '### Backups', '### If the passphrase is lost']) expect(readme).toContain(heading);
  });
});
