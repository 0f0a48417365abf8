import type { Output, ParsedInput } from '../../preload/contract';
import type { vaultChannels } from '../../preload/contract/vault';
import { passphraseStrength } from './rules';
import type { VaultManager } from './service';

type VaultChannel = keyof typeof vaultChannels;

export function vaultHandlers(vault: VaultManager): {
  [C in VaultChannel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
} {
  const status = () => ({ state: vault.status(), ...(vault.recoveryPending() ? { recoveryPending: true } : {}) });
  return {
    'vault.status': status,
    'vault.create': (input) => vault.create(input.passphrase, input.profile),
    'vault.unlock': async (input) => {
      const result = await vault.unlock(input);
      return { ...status(), ...(result.failedUnlocks ? { failedUnlocks: result.failedUnlocks } : {}) };
    },
    'vault.lock': () => {
      vault.lock('user');
      return status();
    },
    'vault.changePassphrase': async (input) => {
      await vault.changePassphrase(input.current, input.next);
      return status();
    },
    'vault.completeRecovery': (input) => vault.completeRecovery(input.next),
    'vault.newRecoveryCode': (input) => vault.newRecoveryCode(input.passphrase),
    'vault.passphraseStrength': (input) => passphraseStrength(input.passphrase),
  };
}
