import type { Output, ParsedInput } from '../../preload/contract';
import type { vaultChannels } from '../../preload/contract/vault';
import { passphraseStrength } from './rules';
import type { VaultManager } from './service';

type VaultChannel = keyof typeof vaultChannels;

export function vaultHandlers(vault: VaultManager): {
  [C in VaultChannel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
} {
  const status = () => ({ state: vault.status() });
  return {
    'vault.status': status,
    'vault.create': (input) => vault.create(input.passphrase, input.profile),
    'vault.unlock': async (input) => {
      await vault.unlock(input);
      return status();
    },
    'vault.lock': () => {
      vault.lock('user');
      return status();
    },
    'vault.changePassphrase': async (input) => {
      await vault.changePassphrase(input.current, input.next);
      return status();
    },
    'vault.passphraseStrength': (input) => passphraseStrength(input.passphrase),
  };
}
