import type { Output, ParsedInput } from '../../preload/contract';
import type { filesChannels } from '../../preload/contract/files';
import type { FileAccess } from './access';

type FilesChannel = keyof typeof filesChannels;

/** Host-level channels: they work while the vault is locked (a first-run restore needs a file). */
export function filesHandlers(files: FileAccess): {
  [C in FilesChannel]: (input: ParsedInput<C>) => Output<C> | Promise<Output<C>>;
} {
  return {
    'files.pick': async (input) => ({ grant: await files.pick(input) }),
    'files.grantPath': (input) => files.grantPath(input),
    'files.roots': () => files.roots(),
  };
}
